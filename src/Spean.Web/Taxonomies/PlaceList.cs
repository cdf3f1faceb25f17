using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Spean.Core.Data;

namespace Spean.Web.Taxonomies;

/// <summary>
/// Every province, district, commune and village in one compact document, for the offline report form to
/// search with no connection: <c>{"types":[[km,en],…],"units":[[code,nameKm,nameLatin,type],…]}</c>, in code
/// order; a unit's parent is its code without the last two digits. Sent gzipped with an ETag, so a phone
/// that already has the list gets a 304.
/// </summary>
/// <remarks>
/// Built once and kept for a while: every phone checks the list each time the form opens, and building it reads
/// 16,000 rows and compresses 900 KB. The gazetteer changes only when reference data is imported again.
/// </remarks>
internal sealed class PlaceList(TimeProvider clock)
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private sealed record Document(byte[] Json, byte[] Gzipped, EntityTagHeaderValue ETag, DateTimeOffset BuiltAt);

    private Document? document;

    public static async Task<Results<FileContentHttpResult, StatusCodeHttpResult>> GetAsync(
        HttpContext context, PlaceList places, SpeanDbContext db, CancellationToken cancellationToken)
    {
        var current = await places.CurrentAsync(db, cancellationToken);
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = current.ETag;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(e => e.Compare(current.ETag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (!context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Bytes(current.Json, "application/json");
        context.Response.Headers.ContentEncoding = "gzip";
        return TypedResults.Bytes(current.Gzipped, "application/json");
    }

    private async Task<Document> CurrentAsync(SpeanDbContext db, CancellationToken cancellationToken)
    {
        // Two requests may build it at once after it expires; both get the same bytes, so no lock is needed.
        if (document is { } kept && clock.GetUtcNow() - kept.BuiltAt < KeptFor) return kept;
        var json = await WriteAsync(db, cancellationToken);
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(json), 0, 8)}\"");
        return document = new Document(json, Gzip(json), etag, clock.GetUtcNow());
    }

    private static async Task<byte[]> WriteAsync(SpeanDbContext db, CancellationToken cancellationToken)
    {
        var units = await db.AdminUnits.AsNoTracking().OrderBy(u => u.Code)
            .Select(u => new { u.Code, u.NameKm, u.NameLatin, u.TypeKm, u.TypeEn })
            .ToListAsync(cancellationToken);
        var types = units.Select(u => (u.TypeKm, u.TypeEn)).Distinct().ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("types");
            foreach (var (km, en) in types)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(km);
                writer.WriteStringValue(en);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("units");
            foreach (var u in units)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(u.Code);
                writer.WriteStringValue(u.NameKm);
                writer.WriteStringValue(u.NameLatin);
                writer.WriteNumberValue(types.IndexOf((u.TypeKm, u.TypeEn)));
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static byte[] Gzip(byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize))
            gzip.Write(json);
        return buffer.ToArray();
    }
}
