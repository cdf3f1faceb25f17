using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Campaigns.Statements;
using Spean.Core.Data;
using Spean.Core.Notifications;
using Spean.Core.Taxonomies;

namespace Spean.Core.Campaigns.Treaties;

[LabelPrefix("TreatyRowProblem")]
public enum TreatyRowProblem
{
    UnknownState,
    UnknownStatus,
    UnreadableDate,
    DuplicateState,
    NulCharacter,
}

[LabelPrefix("TreatyImportProblem")]
public enum TreatyImportProblem
{
    MayNotImport,
    Unreadable,
    MissingColumns,
    FileTooLarge,
}

public sealed record TreatyRefusedRow(int Line, string Value, TreatyRowProblem Problem, string Reason);

public sealed record TreatyImportReport(Guid ImportId, Treaty Treaty, int Rows, IReadOnlyList<TreatyChange> Changes,
    IReadOnlyList<TreatyRefusedRow> Refused, int StatementsDrafted, int Notified);

/// <summary>
/// Reads a treaty's membership as the depositary lists it (CSV: iso3, status party|signatory|withdrawn, signed, joined,
/// in_force as yyyy-mm-dd), stores what changed with its history, and when a State became party tells the members of
/// every campaign following the treaty and drafts each such campaign a welcome statement. States not in the file are left
/// as they were, so a partial list changes only its rows; running the same file again changes nothing.
/// </summary>
public sealed class TreatyImporter(SpeanDbContext db, Notifier notifier, TimeProvider time)
{
    public const int MaxFileBytes = 1_000_000;

    public static readonly NotificationTopic Topic = new("treaty-change", "A State joined a treaty my campaign follows",
        "រដ្ឋមួយបានចូលជាភាគីនៃសន្ធិសញ្ញាដែលយុទ្ធនាការរបស់ខ្ញុំតាមដាន", EmailByDefault: true);

    private static readonly string[] Columns = ["iso3", "status", "signed", "joined", "in_force"];

    public async Task<Outcome<TreatyImportReport>> ImportAsync(Stream csv, string fileName, Treaty treaty, Viewer viewer,
        CancellationToken cancellationToken = default)
    {
        if (viewer.Role is not { } role || role > Role.Coordinator)
            return new Refusal(TreatyImportProblem.MayNotImport, "Only coordinators and administrators can import treaty membership.");
        var (rows, unreadable) = ReadRows(csv);
        if (rows is null) return unreadable!;

        var now = time.GetUtcNow().UtcDateTime;
        // The name is only the import's label: a longer one than the column holds is cut, not a reason to refuse the file.
        var name = Path.GetFileName(fileName);
        var import = new TreatyImport
        {
            Treaty = treaty, FileName = name.Length <= TreatyImport.FileNameLength ? name : name[..TreatyImport.FileNameLength], At = now,
            ByUserId = viewer.UserId, Rows = rows.Count,
        };
        var countries = await db.Set<Country>().ToDictionaryAsync(c => c.Iso3, cancellationToken);
        var memberships = await db.Set<TreatyMembership>().Where(m => m.Treaty == treaty).ToDictionaryAsync(m => m.CountryIso3, cancellationToken);
        var refused = new List<TreatyRefusedRow>();
        var changes = new List<TreatyChange>();
        var seen = new HashSet<string>();
        foreach (var (line, row) in rows)
        {
            if (NulText.InAny(row.Values))
            {
                refused.Add(new(line, "", TreatyRowProblem.NulCharacter, "The row holds a NUL character (\\u0000), which cannot be stored: remove it and import the row again."));
                continue;
            }
            var iso3 = row.GetValueOrDefault("iso3", "").Trim().ToUpperInvariant();
            if (!countries.ContainsKey(iso3))
            {
                refused.Add(new(line, iso3, TreatyRowProblem.UnknownState, $"'{iso3}' is not the ISO 3166 alpha-3 code of a State (KHM for Cambodia)."));
                continue;
            }
            if (!seen.Add(iso3))
            {
                refused.Add(new(line, iso3, TreatyRowProblem.DuplicateState, $"{iso3} is listed twice; keep one row per State."));
                continue;
            }
            var statusText = row.GetValueOrDefault("status", "").Trim().ToLowerInvariant();
            string? status = statusText switch
            {
                "party" or "member" or "state party" => TreatyNames.Party,
                "signatory" or "signed" => TreatyNames.Signatory,
                "withdrawn" or "former_member" or "former member" => TreatyNames.Withdrawn,
                _ => null,
            };
            if (status is null)
            {
                refused.Add(new(line, statusText, TreatyRowProblem.UnknownStatus, $"The status '{statusText}' is not party, signatory or withdrawn."));
                continue;
            }
            DateOnly? signed = null, joined = null, inForce = null;
            string? badDate = null;
            foreach (var (column, set) in new (string, Action<DateOnly?>)[] { ("signed", d => signed = d), ("joined", d => joined = d), ("in_force", d => inForce = d) })
            {
                var text = row.GetValueOrDefault(column, "").Trim();
                if (text.Length == 0) continue;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) set(date);
                else badDate ??= $"{column} '{text}'";
            }
            if (badDate is not null)
            {
                refused.Add(new(line, badDate, TreatyRowProblem.UnreadableDate, $"The date {badDate} is not written yyyy-mm-dd (2010-08-01)."));
                continue;
            }

            var existing = memberships.GetValueOrDefault(iso3);
            var before = existing is null ? null : Describe(existing.Status, existing.SignedOn, existing.JoinedOn, existing.InForceOn);
            var after = Describe(status, signed, joined, inForce);
            if (before == after) continue;
            TreatyChangeKind kind = existing?.Status == status ? TreatyChangeKind.DatesChanged : status switch
            {
                TreatyNames.Party => TreatyChangeKind.BecameParty,
                TreatyNames.Signatory => TreatyChangeKind.BecameSignatory,
                _ => TreatyChangeKind.Withdrew,
            };
            if (existing is null)
            {
                existing = new TreatyMembership { Treaty = treaty, CountryIso3 = iso3, Status = status };
                db.Add(existing);
                memberships[iso3] = existing;
            }
            existing.Status = status;
            existing.SignedOn = signed;
            existing.JoinedOn = joined;
            existing.InForceOn = inForce;
            existing.Left = status == TreatyNames.Withdrawn ? existing.Left : null;
            changes.Add(new TreatyChange
            {
                ImportId = import.Id, Treaty = treaty, CountryIso3 = iso3, Kind = kind, Before = before, After = after, At = now,
            });
        }
        import.Changes = changes.Count;
        import.Refused = refused.Count;
        db.Add(import);
        db.AddRange(changes);
        await db.SaveChangesAsync(cancellationToken);

        var drafted = 0;
        var notified = 0;
        foreach (var joinedState in changes.Where(c => c.Kind == TreatyChangeKind.BecameParty))
        {
            var country = countries[joinedState.CountryIso3];
            var (statements, told) = await WelcomeAsync(treaty, country, now, cancellationToken);
            drafted += statements;
            notified += told;
        }
        return new TreatyImportReport(import.Id, treaty, rows.Count, changes, refused, drafted, notified);
    }

    private async Task<(int Drafted, int Notified)> WelcomeAsync(Treaty treaty, Country country, DateTime now, CancellationToken cancellationToken)
    {
        var following = db.Set<Campaign>().Where(c => treaty == Treaty.MineBan ? c.FollowsMineBan : c.FollowsClusterMunitions);
        var campaigns = await following.Select(c => c.Id).ToListAsync(cancellationToken);
        if (campaigns.Count == 0) return (0, 0);
        var welcomeFor = $"{treaty}:{country.Iso3}";
        var already = await db.Set<Statement>().Where(s => s.WelcomeFor == welcomeFor).Select(s => s.CampaignId).ToListAsync(cancellationToken);
        var drafted = 0;
        foreach (var campaign in campaigns.Except(already))
        {
            db.Add(WelcomeStatements.Draft(campaign, treaty, country, now, welcomeFor));
            drafted++;
        }
        if (drafted > 0) await db.SaveChangesAsync(cancellationToken);

        var memberUsers = db.Set<CampaignMember>().Where(m => campaigns.Contains(m.CampaignId) && m.UserId != null).Select(m => m.UserId!.Value);
        var memberOrganisations = db.Set<CampaignMember>().Where(m => campaigns.Contains(m.CampaignId) && m.OrganisationId != null)
            .Select(m => m.OrganisationId!.Value);
        var users = await db.Users.Where(u => u.DisabledAt == null
                && (memberUsers.Contains(u.Id) || (u.OrganisationId != null && memberOrganisations.Contains(u.OrganisationId.Value))))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var text = new NotificationText($"{country.Name} joined the {TreatyNames.En(treaty)}: a welcome statement is drafted",
            $"{country.NameKm} បានចូលជាភាគីនៃ{TreatyNames.Km(treaty)}៖ សេចក្ដីថ្លែងការណ៍ស្វាគមន៍ត្រូវបានព្រាង",
            $"/campaigns/treaties/{treaty}");
        var notified = await notifier.NotifyAsync(users, Topic, text, $"treaty-change:{treaty}:{country.Iso3}:party", cancellationToken);
        return (drafted, notified);
    }

    internal static string Describe(string status, DateOnly? signed, DateOnly? joined, DateOnly? inForce) =>
        $"{status} {Date(signed)}/{Date(joined)}/{Date(inForce)}";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The file's rows by line, each with the columns iso3 and status, or why the file cannot be read.</summary>
    internal static Outcome<List<(int Line, Dictionary<string, string> Row)>> ReadRows(Stream csv)
    {
        List<(int Line, Dictionary<string, string> Row)> rows;
        try
        {
            rows = Read(csv);
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException)
        {
            return new Refusal(TreatyImportProblem.Unreadable, "The file is not a readable CSV: save it as CSV (UTF-8, comma-separated) and try again.");
        }
        if (rows.Count > 0 && Columns.Take(2).FirstOrDefault(c => !rows[0].Row.ContainsKey(c)) is { } missing
            || rows.Count == 0)
            return new Refusal(TreatyImportProblem.MissingColumns,
                "The CSV needs a header row with the columns iso3 and status (party, signatory or withdrawn), and may have signed, joined and in_force (yyyy-mm-dd).",
                string.Join(", ", Columns));
        return rows;
    }

    private static List<(int, Dictionary<string, string>)> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectDelimiter = true });
        var rows = new List<(int, Dictionary<string, string>)>();
        if (!csv.Read()) return rows;
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_')).ToArray();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(header.Length);
            for (var i = 0; i < header.Length; i++) row[header[i]] = csv.TryGetField<string>(i, out var v) ? v ?? "" : "";
            if (row.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add((csv.Parser.Row, row));
        }
        return rows;
    }
}
