// Cambodia's gazetteer on the phone: every province, district, commune and village from
// /api/v1/gazetteer/places (kept by the service worker), searchable by Khmer or Latin name.

export async function loadPlaces(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const { types, units } = await response.json();
  const byCode = new Map();
  const all = units.map(([code, km, latin, type]) => {
    const place = { code, km, latin, type: types[type], words: [fold(km), fold(latin)] };
    byCode.set(code, place);
    return place;
  });
  return { all, byCode };
}

/** Places whose name contains the text, names that start with it first, then larger units first. */
export function searchPlaces(places, text, limit = 30) {
  const term = fold(text);
  if (!term) return [];
  const found = [];
  for (const place of places.all) {
    const at = Math.min(...place.words.map(w => w.indexOf(term)).filter(i => i >= 0));
    if (at !== Infinity) found.push({ place, starts: at === 0 ? 0 : 1 });
  }
  found.sort((a, b) => a.starts - b.starts || a.place.code.length - b.place.code.length || a.place.code.localeCompare(b.place.code));
  return found.slice(0, limit).map(f => f.place);
}

/** The units above a place, nearest first: commune, district, province for a village. */
export function parentsOf(places, code) {
  const parents = [];
  for (let end = code.length - 2; end >= 2; end -= 2) {
    const parent = places.byCode.get(code.slice(0, end));
    if (parent) parents.push(parent);
  }
  return parents;
}

// Case, spaces, apostrophes, hyphens and the zero-width spaces of Khmer text do not count in a search.
function fold(text) {
  return text.normalize('NFC').toLowerCase().replace(/[\s\u200b\u200c\u200d'’`\-.]/g, '');
}
