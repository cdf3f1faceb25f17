using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Monitoring.Reports;
using Spean.Core.Protection;

namespace Spean.Core.Stakeholders.Register;

/// <summary>
/// Adds, changes and reads the register for the pages, the API and the importer alike. Contact details are encrypted here,
/// explicitly and bound to the row (as <c>ReportPeople</c> does for witnesses), and read back only for those
/// <see cref="StakeholderAccess.CanSeeContacts"/> allows.
/// </summary>
public sealed class StakeholderRegister(SpeanDbContext db, FieldCipher cipher, TimeProvider clock)
{
    public async Task<Outcome<Stakeholder>> AddAsync(
        StakeholderInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!StakeholderAccess.CanAdd(viewer))
            return new Refusal(StakeholderProblem.MayNotAdd, "Only members, coordinators and administrators of an organisation add to the register.");
        var stakeholder = new Stakeholder
        {
            Kind = default, NameLatin = "", OrganisationId = viewer.OrganisationId!.Value, CreatedById = viewer.UserId!.Value, UpdatedAt = Now,
        };
        var errors = await ApplyAsync(stakeholder, input, cancellationToken);
        if (errors.Count > 0) return Outcome.Refuse<Stakeholder>(errors.All);
        db.Add(stakeholder);
        await db.SaveChangesAsync(cancellationToken);
        return stakeholder;
    }

    /// <summary>Replaces what is known of a stakeholder; contacts given replace all five contact fields, contacts left out keep them.</summary>
    public async Task<Outcome<Stakeholder>> UpdateAsync(
        Guid id, StakeholderInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var stakeholder = await db.Set<Stakeholder>().VisibleTo(viewer).Include(s => s.NameKeys).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (stakeholder is null) return NotFound();
        if (!StakeholderAccess.CanEdit(stakeholder, viewer)) return MayNotEdit();
        var errors = await ApplyAsync(stakeholder, input, cancellationToken);
        if (errors.Count > 0) return Outcome.Refuse<Stakeholder>(errors.All);
        stakeholder.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
        return stakeholder;
    }

    public Task<Stakeholder?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        db.Set<Stakeholder>().VisibleTo(viewer).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    public async Task<StakeholderView?> ViewAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        await FindAsync(id, viewer, cancellationToken) is { } stakeholder ? await ViewAsync(stakeholder, viewer, cancellationToken) : null;

    public async Task<StakeholderView> ViewAsync(Stakeholder s, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var place = s.AdminUnitCode is null ? null
            : await db.AdminUnits.Where(u => u.Code == s.AdminUnitCode).Select(u => new { u.NameLatin, u.NameKm }).SingleOrDefaultAsync(cancellationToken);
        var country = s.CountryIso3 is null ? null
            : await db.Countries.Where(c => c.Iso3 == s.CountryIso3).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        var positions = await db.Set<Position>().Where(p => p.PersonId == s.Id || p.OrganisationId == s.Id).AsNoTracking().ToListAsync(cancellationToken);
        var others = await SummariesAsync(positions.SelectMany(p => new[] { p.PersonId, p.OrganisationId }), viewer, cancellationToken);
        var contacts = StakeholderAccess.CanSeeContacts(s, viewer) ? Reveal(s) : null;
        return new StakeholderView(
            Summary(s), place?.NameLatin, place?.NameKm, s.CountryIso3, country, s.ConcessionIds, s.Tags,
            s.Confidentiality == Confidentiality.Restricted && contacts is not null ? s.ReaderIds : [], contacts,
            StakeholderAccess.CanEdit(s, viewer),
            [.. positions.OrderBy(p => p.To is null ? 0 : 1).ThenByDescending(p => p.To).ThenByDescending(p => p.From)
                .Select(p => new PositionView(p.Id, others.GetValueOrDefault(p.PersonId), others.GetValueOrDefault(p.OrganisationId), p.TitleEn, p.TitleKm, p.From, p.To))],
            s.UpdatedAt);
    }

    /// <summary>The stakeholders of these ids that the viewer may see; the others are simply absent.</summary>
    public async Task<Dictionary<Guid, StakeholderSummary>> SummariesAsync(IEnumerable<Guid> ids, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var rows = await db.Set<Stakeholder>().VisibleTo(viewer).Where(s => wanted.Contains(s.Id)).AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToDictionary(s => s.Id, Summary);
    }

    /// <summary>A name search counts visible matches up to this many and says "more than" beyond it.</summary>
    public const int CountCap = 1000;

    public async Task<StakeholderResults> SearchAsync(StakeholderQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(query.PageSize, 1, 500);
        var page = Math.Max(1, query.Page);
        var key = NameKeys.Query(query.Text);
        if (key.Length == 0)
        {
            var all = Filter(query, viewer);
            var total = await all.CountAsync(cancellationToken);
            var rows = await all.OrderBy(s => s.NameLatin).ThenBy(s => s.Id).Skip((page - 1) * size).Take(size).AsNoTracking().ToListAsync(cancellationToken);
            return new([.. rows.Select(Summary)], total, page, size);
        }
        // A common family name matches thousands. Counting them all and sorting them by name to show fifty was the cost, so
        // the count stops after the cap, and the page walks the key index in its own order (best key first: "sok" before
        // "sokha") and stops once the page is full. Visibility and the other filters are in the join, so nothing the viewer
        // may not see is counted or read.
        var visible = Filter(query with { Text = null }, viewer);
        var counted = await visible.Where(s => MatchingKeys(key).Contains(s.Id)).Take(CountCap + 1).CountAsync(cancellationToken);
        var seen = new HashSet<Guid>();
        var items = new List<StakeholderSummary>(size);
        var skip = (page - 1) * size;
        await foreach (var match in NameMatches(query, viewer).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!seen.Add(match.Id) || seen.Count <= skip) continue;
            items.Add(match);
            if (items.Count == size) break;
        }
        return new(items, Math.Min(counted, CountCap), page, size, counted > CountCap);
    }

    /// <summary>
    /// Every (matching key, visible stakeholder) pair in key index order, one row per key, so a stakeholder with two matching
    /// keys comes twice; the reader keeps the first.
    /// </summary>
    public IQueryable<StakeholderSummary> NameMatches(StakeholderQuery query, Viewer viewer) =>
        from k in MatchingKeyRows(NameKeys.Query(query.Text))
        join s in Filter(query with { Text = null }, viewer) on k.StakeholderId equals s.Id
        orderby k.Key, k.StakeholderId
        select new StakeholderSummary(s.Id, s.Kind, s.Level, s.NameLatin, s.NameKhmer, s.AdminUnitCode, s.Confidentiality);

    /// <summary>The visible stakeholders matching the query, for lists and exports; never matched on encrypted fields.</summary>
    public IQueryable<Stakeholder> Filter(StakeholderQuery query, Viewer viewer)
    {
        var found = db.Set<Stakeholder>().VisibleTo(viewer);
        var key = NameKeys.Query(query.Text);
        if (key.Length > 0) found = found.Where(s => MatchingKeys(key).Contains(s.Id));
        if (query.Kind is { } kind) found = found.Where(s => s.Kind == kind);
        if (query.People is true) found = found.Where(s => s.Kind == StakeholderKind.Person);
        if (query.People is false) found = found.Where(s => s.Kind != StakeholderKind.Person);
        if (query.Level is { } level) found = found.Where(s => s.Level == level);
        if (!string.IsNullOrWhiteSpace(query.Place))
        {
            var place = query.Place.Trim();
            found = found.Where(s => s.AdminUnitCode != null && s.AdminUnitCode.StartsWith(place));
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim();
            found = found.Where(s => s.Tags.Contains(tag));
        }
        return found;
    }

    private IQueryable<Guid> MatchingKeys(string key) => MatchingKeyRows(key).Select(k => k.StakeholderId);

    private IQueryable<StakeholderNameKey> MatchingKeyRows(string key)
    {
        var keys = db.Set<StakeholderNameKey>().AsQueryable();
        // SQLite answers a LIKE prefix from an index only under NOCASE; a binary range on the key index is exact and fast.
        // PostgreSQL's collation may ignore U+FFFF, so it keeps LIKE.
#pragma warning disable CA1309 // runs as SQL <, >= on the column, which SQLite compares byte by byte
        keys = db.Database.IsSqlite()
            ? keys.Where(k => string.Compare(k.Key, key) >= 0 && string.Compare(k.Key, key + '\uffff') < 0)
            : keys.Where(k => k.Key.StartsWith(key));
#pragma warning restore CA1309
        return keys;
    }

    public async Task<Outcome<Position>> AddPositionAsync(
        Guid personId, PositionInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var person = await FindAsync(personId, viewer, cancellationToken);
        if (person is null) return NotFound();
        if (!StakeholderAccess.CanEdit(person, viewer)) return MayNotEdit();
        var errors = new FieldRefusals();
        if (!person.IsPerson) errors.Add("personId", StakeholderProblem.NotAPerson, "Positions are held by people; this record is an organisation.");
        var organisation = await FindAsync(input.OrganisationId, viewer, cancellationToken);
        if (organisation is null || organisation.IsPerson)
            errors.Add("organisationId", StakeholderProblem.NotAnOrganisation, "Give the id of an organisation in the register that you may see.");
        if (string.IsNullOrWhiteSpace(input.TitleEn)) errors.Add("titleEn", StakeholderProblem.TitleRequired, "Give the position's title in English (e.g. 'Commune chief').");
        if (input is { From: { } from, To: { } to } && to < from)
            errors.Add("to", StakeholderProblem.EndsBeforeStart, "The end date is before the start date; give an end on or after the start.");
        if (errors.Count > 0) return Outcome.Refuse<Position>(errors.All);
        var position = new Position
        {
            PersonId = personId, OrganisationId = input.OrganisationId, TitleEn = input.TitleEn!.Trim(), TitleKm = Clean(input.TitleKm), From = input.From, To = input.To,
        };
        db.Add(position);
        await db.SaveChangesAsync(cancellationToken);
        return position;
    }

    /// <summary>Ends a position (after an election, say); the position stays in the history.</summary>
    public async Task<Refusal?> EndPositionAsync(Guid personId, Guid positionId, DateOnly to, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var person = await FindAsync(personId, viewer, cancellationToken);
        var position = person is null ? null : await db.Set<Position>().SingleOrDefaultAsync(p => p.Id == positionId && p.PersonId == personId, cancellationToken);
        if (person is null || position is null) return NotFound();
        if (!StakeholderAccess.CanEdit(person, viewer)) return MayNotEdit();
        if (position.From is { } from && to < from)
            return new Refusal(StakeholderProblem.EndsBeforeStart, "The end date is before the start date; give an end on or after the start.") { Field = "to" };
        position.To = to;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public ContactDetails Reveal(Stakeholder s) => new(
        Decrypt(s.EncryptedPhone, nameof(Stakeholder.EncryptedPhone), s.Id),
        Decrypt(s.EncryptedEmail, nameof(Stakeholder.EncryptedEmail), s.Id),
        Decrypt(s.EncryptedAddress, nameof(Stakeholder.EncryptedAddress), s.Id),
        Decrypt(s.EncryptedMessaging, nameof(Stakeholder.EncryptedMessaging), s.Id),
        Decrypt(s.EncryptedNotes, nameof(Stakeholder.EncryptedNotes), s.Id));

    public static StakeholderSummary Summary(Stakeholder s) => new(s.Id, s.Kind, s.Level, s.NameLatin, s.NameKhmer, s.AdminUnitCode, s.Confidentiality);

    internal static Refusal NotFound() => new(StakeholderProblem.NotFound, "There is no stakeholder with that id that you may see.");

    private static Refusal MayNotEdit() =>
        new(StakeholderProblem.MayNotEdit, "Only members of the organisation that keeps this record, or the person who added it, may change it.");

    private async Task<FieldRefusals> ApplyAsync(Stakeholder s, StakeholderInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldRefusals();
        if (!EnumNames.TryParse<StakeholderKind>(input.Kind, out var kind))
            errors.Add("kind", StakeholderProblem.UnknownKind, $"'kind' is one of {string.Join(", ", Enum.GetNames<StakeholderKind>())}.");
        if (!EnumNames.TryParseOptional<StakeholderLevel>(Clean(input.Level), out var level))
            errors.Add("level", StakeholderProblem.UnknownLevel, "'level' is Local, Provincial, National or International.");
        var confidentiality = Confidentiality.Organisation;
        if (Clean(input.Confidentiality) is { } named && !EnumNames.TryParse(named, out confidentiality))
            errors.Add("confidentiality", StakeholderProblem.UnknownConfidentiality, "'confidentiality' is Public, Network, Organisation or Restricted.");
        var latin = Clean(input.NameLatin);
        var khmer = Clean(input.NameKhmer);
        if (latin is null && khmer is null)
            errors.Add("nameLatin", StakeholderProblem.NameRequired, "Give a name in Latin script or in Khmer (or both).");
        if (latin?.Length > NameKeys.MaxLength || khmer?.Length > NameKeys.MaxLength)
            errors.Add("nameLatin", StakeholderProblem.NameTooLong, $"A name is at most {NameKeys.MaxLength} characters; shorten it.", NameKeys.MaxLength);
        var place = Clean(input.AdminUnitCode);
        if (place is not null && !await db.AdminUnits.AnyAsync(u => u.Code == place, cancellationToken))
            errors.Add("adminUnitCode", StakeholderProblem.UnknownPlace, $"No place in the gazetteer has the code '{place}'; pick a province, district or commune from /api/v1/gazetteer.", place);
        var country = Clean(input.CountryIso3)?.ToUpperInvariant();
        if (country is not null && !await db.Countries.AnyAsync(c => c.Iso3 == country, cancellationToken))
            errors.Add("countryIso3", StakeholderProblem.UnknownCountry, $"'{country}' is not a country's ISO 3166 alpha-3 code (e.g. FRA, JPN).", country);
        var concessions = (input.ConcessionIds ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (concessions.Count > 0)
        {
            var known = await db.Concessions.Where(c => concessions.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            if (concessions.Except(known).FirstOrDefault() is { } unknown)
                errors.Add("concessionIds", StakeholderProblem.UnknownConcession, $"No concession has the id '{unknown}' (e.g. 'elc-17', 'mining-196').", unknown);
        }
        var readers = (input.ReaderIds ?? []).Distinct().ToList();
        if (readers.Count > 0 && await db.Users.CountAsync(u => readers.Contains(u.Id), cancellationToken) != readers.Count)
            errors.Add("readerIds", StakeholderProblem.UnknownReader, "Some readers are not users of Spean; name readers by their user id.");
        var externalId = Clean(input.ExternalId);
        if (externalId is not null && await db.Set<Stakeholder>().AnyAsync(o => o.OrganisationId == s.OrganisationId && o.ExternalId == externalId && o.Id != s.Id, cancellationToken))
            errors.Add("externalId", StakeholderProblem.DuplicateExternalId, $"Another record of your organisation already has the external id '{externalId}'.", externalId);
        if (errors.Count > 0) return errors;

        s.Kind = kind;
        s.Level = level;
        s.NameLatin = latin ?? khmer!;
        s.NameKhmer = khmer;
        s.AdminUnitCode = place;
        s.CountryIso3 = country;
        s.ConcessionIds = concessions;
        s.Tags = [.. (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
        s.Confidentiality = confidentiality;
        s.ReaderIds = confidentiality == Confidentiality.Restricted ? readers : [];
        if (externalId is not null) s.ExternalId = externalId;
        if (input.Contacts is { } contacts) WriteContacts(s, contacts);
        var keys = NameKeys.Of(s.NameLatin, s.NameKhmer);
        if (!s.NameKeys.Select(k => k.Key).Order(StringComparer.Ordinal).SequenceEqual(keys.Order(StringComparer.Ordinal)))
        {
            // Added and removed explicitly: a new row with its key already set, found through the navigation, would be taken for an existing one.
            db.RemoveRange(s.NameKeys);
            s.NameKeys.Clear();
            var fresh = keys.Select(k => new StakeholderNameKey { StakeholderId = s.Id, Key = k }).ToList();
            db.AddRange(fresh);
            s.NameKeys.AddRange(fresh);
        }
        return errors;
    }

    private void WriteContacts(Stakeholder s, ContactDetails c)
    {
        s.EncryptedPhone = Encrypt(Clean(c.Phone), nameof(Stakeholder.EncryptedPhone), s.Id);
        s.EncryptedEmail = Encrypt(Clean(c.Email), nameof(Stakeholder.EncryptedEmail), s.Id);
        s.EncryptedAddress = Encrypt(Clean(c.Address), nameof(Stakeholder.EncryptedAddress), s.Id);
        s.EncryptedMessaging = Encrypt(Clean(c.Messaging), nameof(Stakeholder.EncryptedMessaging), s.Id);
        s.EncryptedNotes = Encrypt(Clean(c.Notes), nameof(Stakeholder.EncryptedNotes), s.Id);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private byte[]? Encrypt(string? value, string field, Guid id) =>
        value is null ? null : cipher.Encrypt(value, FieldCipher.Context(nameof(Stakeholder), field, id));

    private string? Decrypt(byte[]? value, string field, Guid id) =>
        value is null ? null : cipher.Decrypt(value, FieldCipher.Context(nameof(Stakeholder), field, id));
}
