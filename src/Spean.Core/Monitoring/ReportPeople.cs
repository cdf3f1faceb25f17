using System.Security.Cryptography;
using Spean.Core.Data;

namespace Spean.Core.Monitoring;

/// <summary>
/// Writes and reads the people named in reports. Encryption is explicit here rather than in an EF value
/// converter, so the ciphertext can be bound to its row id (docs/adr/0005-field-encryption.md).
/// </summary>
public sealed class ReportPeople(SpeanDbContext db, FieldCipher cipher, KeyRing keys)
{
    public async Task<ReportPerson> AddAsync(Guid reportId, PersonDetails details, CancellationToken cancellationToken = default)
    {
        var person = new ReportPerson { ReportId = reportId, Role = details.Role, EncryptedName = [] };
        Write(person, details);
        db.ReportPeople.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person;
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

    private byte[]? Encrypt(string? value, string field, Guid id) =>
        value is null ? null : cipher.Encrypt(value, FieldCipher.Context(nameof(ReportPerson), field, id));

    private string? Decrypt(byte[]? value, string field, Guid id) =>
        value is null ? null : cipher.Decrypt(value, FieldCipher.Context(nameof(ReportPerson), field, id));
}
