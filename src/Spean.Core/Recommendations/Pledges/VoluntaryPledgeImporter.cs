using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Auditing;
using Spean.Core.Data;

namespace Spean.Core.Recommendations.Pledges;

public sealed record PledgeImportReport(int Created, int Unchanged, IReadOnlyList<RejectedRow> Rejected);

/// <summary>Imports UPR Info's voluntary pledges file (the recommendations' columns, "From" being the State itself).</summary>
public sealed class VoluntaryPledgeImporter(SpeanDbContext db, AuditActor actor, AuditTrail audit, TimeProvider clock)
{
    public static string ShippedFile => Path.Combine(AppContext.BaseDirectory, "data", "upr", "upr_voluntary_pledges_sessions_1-20.csv");

    /// <summary>Adds the pledges not yet stored; a pledge already there (same State, session and text) is left alone.</summary>
    public async Task<PledgeImportReport> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        var states = await StateNames.LoadAsync(db, cancellationToken);
        var existing = (await db.VoluntaryPledges.Select(p => p.ImportKey).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>();
        var rejected = new List<RejectedRow>();
        int created = 0, unchanged = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null });
        await csv.ReadAsync();
        csv.ReadHeader();
        while (await csv.ReadAsync())
        {
            var line = csv.Parser.RawRow;
            var (to, text, sessionField) = (csv.GetField("To") ?? "", csv.GetField("Text") ?? "", csv.GetField("Session") ?? "");
            if (states.Iso3(to) is not { } iso3) { rejected.Add(new RejectedRow(line, $"'{to}' is not a State Spean knows (To).")); continue; }
            if (text.Length == 0) { rejected.Add(new RejectedRow(line, "The pledge text is empty.")); continue; }
            if (!int.TryParse(sessionField, NumberStyles.None, CultureInfo.InvariantCulture, out var session) || session < 1)
            {
                rejected.Add(new RejectedRow(line, $"Session '{sessionField}' is not a session number."));
                continue;
            }
            var key = ImportKey(iso3, session, text);
            if (!seen.TryAdd(key, line))
            {
                rejected.Add(new RejectedRow(line, $"The same pledge as line {seen[key]}; skipped."));
                continue;
            }
            if (existing.Contains(key))
            {
                unchanged++;
                continue;
            }
            db.VoluntaryPledges.Add(new VoluntaryPledge
            {
                ImportKey = key,
                StateIso3 = iso3,
                Session = session,
                Cycle = UprInfoCsv.CycleOf(session),
                Text = text,
                ActionCategory = int.TryParse(csv.GetField("Action"), CultureInfo.InvariantCulture, out var action) ? action : null,
                Issues = (csv.GetField("Issue") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
                CreatedAt = now,
            });
            created++;
        }
        actor.SuppressRowAudit = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            actor.SuppressRowAudit = false;
        }
        db.ChangeTracker.Clear();
        if (created > 0)
            await audit.RecordAsync(AuditAction.Created, $"UPR voluntary pledges imported: {created} new", cancellationToken: cancellationToken);
        return new PledgeImportReport(created, unchanged, rejected);
    }

    private static string ImportKey(string iso3, int session, string text)
    {
        var normalised = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{iso3}|{session}|{normalised}")));
    }
}
