using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Exports;
using Spean.Core.Stakeholders.Register;

namespace Spean.Core.Stakeholders.Import;

public enum VCardVersion
{
    V3,
    V4,
}

/// <summary>
/// The register as CSV (the importer's columns) and as vCards, holding only what the viewer may see: contact details only
/// of records whose contacts they may see, and notes never, since a vCard or a spreadsheet leaves Spean's protection.
/// </summary>
public sealed class StakeholderExport(SpeanDbContext db, StakeholderRegister register)
{
    public const int MaxRows = 200_000;

    public Task<int> WriteCsvAsync(StakeholderQuery query, Viewer viewer, Stream output, CancellationToken cancellationToken = default) =>
        TableExport.WriteAsync(ExportFormat.Csv, "Stakeholders", StakeholderColumns.All, CsvRowsAsync(query, viewer, cancellationToken), output, cancellationToken);

    private async IAsyncEnumerable<object?[]> CsvRowsAsync(StakeholderQuery query, Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var s in register.Filter(query, viewer).OrderBy(s => s.NameLatin).ThenBy(s => s.Id).Take(MaxRows).AsNoTracking()
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var contacts = StakeholderAccess.CanSeeContacts(s, viewer) ? register.Reveal(s) : ContactDetails.None;
            yield return
            [
                s.OrganisationId == viewer.OrganisationId ? s.ExternalId : null, s.Kind.ToString(), s.Level?.ToString(), s.NameLatin, s.NameKhmer,
                s.AdminUnitCode, s.CountryIso3, string.Join(StakeholderColumns.Separator, s.ConcessionIds), string.Join(StakeholderColumns.Separator, s.Tags),
                s.Confidentiality.ToString(), contacts.Phone, contacts.Email, contacts.Address, contacts.Messaging,
            ];
        }
    }

    /// <summary>vCards of the people among the visible stakeholders matching the query (or of one person by its id).</summary>
    public async Task<string> VCardsAsync(StakeholderQuery query, Viewer viewer, VCardVersion version, Guid? only = null, CancellationToken cancellationToken = default)
    {
        var people = register.Filter(query with { People = true }, viewer);
        if (only is { } id) people = people.Where(s => s.Id == id);
        var rows = await people.OrderBy(s => s.NameLatin).ThenBy(s => s.Id).Take(MaxRows).AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var positions = await db.Set<Position>().Where(p => ids.Contains(p.PersonId) && p.To == null).AsNoTracking().ToListAsync(cancellationToken);
        var organisations = await register.SummariesAsync(positions.Select(p => p.OrganisationId), viewer, cancellationToken);
        var text = new StringBuilder();
        foreach (var person in rows)
        {
            var post = positions.Where(p => p.PersonId == person.Id && organisations.ContainsKey(p.OrganisationId)).OrderByDescending(p => p.From).FirstOrDefault();
            var contacts = StakeholderAccess.CanSeeContacts(person, viewer) ? register.Reveal(person) : ContactDetails.None;
            WriteCard(text, version, person, contacts, post?.TitleEn, post is null ? null : organisations[post.OrganisationId].NameLatin);
        }
        return text.ToString();
    }

    public const string VCardContentType = "text/vcard; charset=utf-8";

    private static void WriteCard(StringBuilder text, VCardVersion version, Stakeholder person, ContactDetails contacts, string? title, string? organisation)
    {
        Line(text, "BEGIN:VCARD");
        Line(text, version == VCardVersion.V4 ? "VERSION:4.0" : "VERSION:3.0");
        Line(text, "FN:" + Escape(person.NameLatin));
        Line(text, "N:" + Escape(person.NameLatin) + ";;;;");
        if (person.NameKhmer is { } khmer) Line(text, "NICKNAME:" + Escape(khmer));
        if (organisation is not null) Line(text, "ORG:" + Escape(organisation));
        if (title is not null) Line(text, "TITLE:" + Escape(title));
        if (contacts.Phone is { } phone) Line(text, version == VCardVersion.V4 ? "TEL;VALUE=uri:tel:" + Escape(phone.Replace(" ", "", StringComparison.Ordinal)) : "TEL;TYPE=VOICE:" + Escape(phone));
        if (contacts.Email is { } email) Line(text, "EMAIL:" + Escape(email));
        if (contacts.Address is { } address) Line(text, "ADR:;;" + Escape(address) + ";;;;");
        if (contacts.Messaging is { } messaging) Line(text, "X-SPEAN-MESSAGING:" + Escape(messaging));
        Line(text, "UID:urn:uuid:" + person.Id);
        Line(text, "END:VCARD");
    }

    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>vCard lines end in CRLF and fold at 75 octets; folding by characters keeps Khmer clusters' bytes whole.</summary>
    private static void Line(StringBuilder text, string line)
    {
        var bytes = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (bytes + size > 75)
            {
                text.Append("\r\n ");
                bytes = 1;
            }
            text.Append(rune.ToString());
            bytes += size;
        }
        text.Append("\r\n");
    }
}
