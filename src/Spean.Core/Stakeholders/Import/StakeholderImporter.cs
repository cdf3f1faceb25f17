using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Stakeholders.Import;

/// <param name="Refusal">Why, with a code pages say in the reader's language.</param>
public sealed record ImportRowError(int Line, string Field, Refusal Refusal)
{
    public string Reason => Refusal.Message;
}

public sealed record StakeholderImportResult(int Created, int Updated, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// Imports the register from CSV (<see cref="StakeholderColumns"/>) into the importer's organisation. Good rows are saved
/// and bad ones reported by line and reason; a row is matched to the record it made before by its external id, or, without
/// one, by kind, Latin name and place, so importing the same file again creates no duplicate.
/// </summary>
public sealed class StakeholderImporter(SpeanDbContext db, StakeholderRegister register)
{
    public const int MaxRows = 200_000;

    public async Task<Outcome<StakeholderImportResult>> ImportAsync(Stream csvFile, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!StakeholderAccess.CanAdd(viewer))
            return new Refusal(StakeholderProblem.MayNotAdd, "Only members, coordinators and administrators of an organisation import into the register.");
        using var reader = new StreamReader(csvFile);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectDelimiter = true, BadDataFound = null });
        if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            return new Refusal(ImportProblem.NoHeader, "The file has no header row; the first line names the columns, e.g. " + string.Join(",", StakeholderColumns.All));
        var columns = header.Select((name, i) => (Name: name.Trim().ToLowerInvariant(), i)).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().i);
        if (!columns.ContainsKey(StakeholderColumns.Kind) || !(columns.ContainsKey(StakeholderColumns.NameLatin) || columns.ContainsKey(StakeholderColumns.NameKhmer)))
            return new Refusal(ImportProblem.MissingColumns, $"The header needs the columns '{StakeholderColumns.Kind}' and '{StakeholderColumns.NameLatin}' or '{StakeholderColumns.NameKhmer}'.");
        var hasContacts = new[] { StakeholderColumns.Phone, StakeholderColumns.Email, StakeholderColumns.Address, StakeholderColumns.Messaging }.Any(columns.ContainsKey);

        int created = 0, updated = 0, rows = 0;
        var errors = new List<ImportRowError>();
        while (await csv.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.Parser.RawRow;
            if (++rows > MaxRows)
            {
                errors.Add(new(line, "", new Refusal(ImportProblem.TooManyRows, $"Only {MaxRows:N0} rows are read from one file; split the file and import the rest.", MaxRows)));
                break;
            }
            // PostgreSQL cannot store U+0000 (it failed the whole import there); no register holds it on purpose.
            if (NulText.InAny(csv.Parser.Record))
            {
                errors.Add(new(line, "", new Refusal(ImportProblem.NulCharacter, "The row holds a NUL character (\\u0000), which cannot be stored: remove it and import the row again.")));
                continue;
            }
            string? Cell(string name) => columns.TryGetValue(name, out var i) && csv.TryGetField<string>(i, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim() : null;
            string[] List(string name) => Cell(name)?.Split(StakeholderColumns.Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            var input = new StakeholderInput(
                Cell(StakeholderColumns.Kind), Cell(StakeholderColumns.NameLatin), Cell(StakeholderColumns.NameKhmer), Cell(StakeholderColumns.Level),
                Cell(StakeholderColumns.Place), Cell(StakeholderColumns.Country), List(StakeholderColumns.Concessions), List(StakeholderColumns.Tags),
                Cell(StakeholderColumns.Confidentiality), null,
                hasContacts ? new ContactDetails(Cell(StakeholderColumns.Phone), Cell(StakeholderColumns.Email), Cell(StakeholderColumns.Address), Cell(StakeholderColumns.Messaging)) : null,
                Cell(StakeholderColumns.ExternalId));
            var existing = await MatchAsync(input, viewer, cancellationToken);
            var (saved, refusal) = existing is { } id
                ? await register.UpdateAsync(id, input with { Contacts = input.Contacts is null ? null : input.Contacts with { Notes = await NotesAsync(id, cancellationToken) } }, viewer, cancellationToken)
                : await register.AddAsync(input, viewer, cancellationToken);
            db.ChangeTracker.Clear();
            if (saved is null) errors.Add(new(line, refusal!.Field ?? "", refusal));
            else if (existing is null) created++;
            else updated++;
        }
        return new StakeholderImportResult(created, updated, errors);
    }

    private async Task<Guid?> MatchAsync(StakeholderInput input, Viewer viewer, CancellationToken cancellationToken)
    {
        var own = db.Set<Stakeholder>().Where(s => s.OrganisationId == viewer.OrganisationId);
        if (input.ExternalId is { } externalId)
            return await own.Where(s => s.ExternalId == externalId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (!EnumNames.TryParse<StakeholderKind>(input.Kind, out var kind)) return null;
        var name = input.NameLatin ?? input.NameKhmer;
        return await own.Where(s => s.Kind == kind && s.NameLatin == name && s.AdminUnitCode == input.AdminUnitCode && s.ExternalId == null)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The file has no notes column, so the notes already kept survive an import that rewrites the contacts.</summary>
    private async Task<string?> NotesAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<Stakeholder>().AsNoTracking().SingleAsync(s => s.Id == id, cancellationToken) is { } s ? register.Reveal(s).Notes : null;
}

public enum ImportProblem
{
    NoHeader,
    MissingColumns,
    TooManyRows,
    NulCharacter,
}
