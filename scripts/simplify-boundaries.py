#!/usr/bin/env python3
"""Simplifies Cambodia's boundary GeoJSON so a phone on a weak connection can draw the map.

Usage: scripts/simplify-boundaries.py IN.geojson OUT.geojson [TOLERANCE_DEGREES]

Douglas-Peucker on each stretch of border between two junctions, done once per stretch and
shared by both neighbours, so provinces still meet without gaps or overlaps. Coordinates are
rounded to 5 decimals (about 1 m) and only shapeName, shapeISO and shapeID are kept.
Needs only the Python standard library.
"""
import json
import sys


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def douglas_peucker(points, tolerance):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def rings_of(geometry):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def main(source, target, tolerance):
    collection = json.load(open(source, encoding="utf-8"))
    features = collection["features"]

    # Which rings use each vertex: a vertex where that set changes is a junction both neighbours keep.
    users = {}
    for ring_id, ring in enumerate(r for f in features for r in rings_of(f["geometry"])):
        for point in ring[:-1]:
            users.setdefault(tuple(point), set()).add(ring_id)

    shared_stretches = {}

    def simplify_stretch(stretch):
        key = tuple(stretch) if stretch[0] <= stretch[-1] else tuple(reversed(stretch))
        if key not in shared_stretches:
            shared_stretches[key] = douglas_peucker(list(key), tolerance)
        result = shared_stretches[key]
        return result if key == tuple(stretch) else list(reversed(result))

    def simplify_ring(ring):
        points = [tuple(p) for p in ring[:-1]]
        n = len(points)
        junctions = [i for i in range(n)
                     if len(users[points[i]]) > 2
                     or users[points[i]] != users[points[i - 1]]
                     or users[points[i]] != users[points[(i + 1) % n]]]
        if len(junctions) < 2:
            junctions = [0, n // 2]
        out = []
        for j, start in enumerate(junctions):
            end = junctions[(j + 1) % len(junctions)]
            stretch = points[start:end + 1] if end > start else points[start:] + points[:end + 1]
            out += simplify_stretch(stretch)[:-1]
        out = [[round(x, 5), round(y, 5)] for x, y in out]
        return out + [out[0]] if len(out) >= 3 else None

    def simplify_polygon(polygon):
        rings = [simplify_ring(r) for r in polygon]
        return [r for r in rings if r] if rings[0] else None

    for feature in features:
        geometry = feature["geometry"]
        if geometry["type"] == "Polygon":
            geometry["coordinates"] = simplify_polygon(geometry["coordinates"])
        else:
            geometry["coordinates"] = [p for p in map(simplify_polygon, geometry["coordinates"]) if p]
        feature["properties"] = {k: feature["properties"].get(k) for k in ("shapeName", "shapeISO", "shapeID")}

    with open(target, "w", encoding="utf-8") as out:
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.002)
