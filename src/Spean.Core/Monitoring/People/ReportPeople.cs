using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Protection;

namespace Spean.Core.Monitoring.People;

/// <summary>
/// Writes and reads the people named in reports. Encryption is explicit here rather than in an EF value
/// converter, so the ciphertext can be bound to its row id (docs/adr/0005-field-encryption.md).
/// </summary>
public sealed class ReportPeople(SpeanDbContext db, FieldCipher cipher, KeyRing keys)
{
    public async Task<ReportPerson> AddAsync(Guid reportId, PersonDetails details, CancellationToken cancellationToken = default) =>
        (await AddOnceAsync(reportId, Guid.NewGuid(), details, cancellationToken)).Person!;

    /// <summary>Adds the person once per device id: the same <paramref name="clientId"/> again returns the person already saved.</summary>
    /// <returns>The person and whether it was just added; no person when the id names a person of another report.</returns>
    public async Task<(ReportPerson? Person, bool Created)> AddOnceAsync(
        Guid reportId, Guid clientId, PersonDetails details, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(clientId, cancellationToken) is { } earlier) return (earlier.ReportId == reportId ? earlier : null, false);
        var person = new ReportPerson { ReportId = reportId, ClientId = clientId, Role = details.Role, EncryptedName = [] };
        Write(person, details);
        db.ReportPeople.Add(person);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person sent twice at once: the unique client id let one through; answer with it.
            db.ChangeTracker.Clear();
            var saved = await FindAsync(clientId, cancellationToken);
            if (saved is null) throw;
            return (saved.ReportId == reportId ? saved : null, false);
        }
        return (person, true);
    }

    /// <summary>Replaces what is known of a person; the caller saves.</summary>
    public void Write(ReportPerson person, PersonDetails details)
    {
        person.Role = details.Role;
        person.Sex = details.Sex;
        person.AgeGroup = details.AgeGroup;
        person.EncryptedName = Encrypt(details.Name, nameof(ReportPerson.EncryptedName), person.Id)!;
        person.EncryptedContact = Encrypt(details.Contact, nameof(ReportPerson.EncryptedContact), person.Id);
        person.EncryptedNotes = Encrypt(details.Notes, nameof(ReportPerson.EncryptedNotes), person.Id);
    }

    /// <summary>The person's identity in clear; only for roles allowed to see identities.</summary>
    public PersonDetails Reveal(ReportPerson person) => new(
        person.Role,
        Decrypt(person.EncryptedName, nameof(ReportPerson.EncryptedName), person.Id)!,
        Decrypt(person.EncryptedContact, nameof(ReportPerson.EncryptedContact), person.Id),
        Decrypt(person.EncryptedNotes, nameof(ReportPerson.EncryptedNotes), person.Id),
        person.Sex,
        person.AgeGroup);

    /// <summary>"Person-7F3A2C1D": the same for the same person in every export, and meaningless without the key ring.</summary>
    public string PseudonymOf(ReportPerson person)
    {
        var mac = HMACSHA256.HashData(keys.PseudonymKey, person.Id.ToByteArray());
        return "Person-" + Convert.ToHexString(mac, 0, 4);
    }

    private Task<ReportPerson?> FindAsync(Guid clientId, CancellationToken cancellationToken) =>
        db.ReportPeople.SingleOrDefaultAsync(p => p.ClientId == clientId, cancellationToken);

    private byte[]? Encrypt(string? value, string field, Guid id) =>
        value is null ? null : cipher.Encrypt(value, FieldCipher.Context(nameof(ReportPerson), field, id));

    private string? Decrypt(byte[]? value, string field, Guid id) =>
        value is null ? null : cipher.Decrypt(value, FieldCipher.Context(nameof(ReportPerson), field, id));
}
