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
            var text = csv.GetField("Text") ?? "";
            var iso3 = states.Iso3(csv.GetField("To") ?? "");
            if (iso3 is null || text.Length == 0 || !int.TryParse(csv.GetField("Session"), CultureInfo.InvariantCulture, out var session))
            {
                rejected.Add(new RejectedRow(line, "A pledge needs a known State (To), a text and a session number."));
                continue;
            }
            var key = ImportKey(iso3, session, text);
            if (!existing.Add(key))
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
