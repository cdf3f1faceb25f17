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
    /// <summary>Adds a person whose details are already checked (imports, tests).</summary>
    public async Task<ReportPerson> AddAsync(Guid reportId, PersonDetails details, CancellationToken cancellationToken = default) =>
        (await SaveOnceAsync(reportId, Guid.NewGuid(), details, cancellationToken)).Value!.Person;

    /// <summary>
    /// Checks a person as a form or a device sent it and adds them once per device id: the same client id again returns
    /// the person already saved. The one place the API and the report page check a person.
    /// </summary>
    public async Task<Outcome<PersonAdded>> AddOnceAsync(Guid reportId, PersonInput input, CancellationToken cancellationToken = default)
    {
        if (!EnumNames.TryParse<PersonRole>(input.Role, out var role))
            return Refuse("role", PersonProblem.UnknownRole, "'role' is Victim, Witness, Source or Other.");
        var name = Blank(input.Name);
        if (name is null) return Refuse("name", PersonProblem.NameMissing, "Give the person's name (or the name they are known by).");
        if (name.Length > 200) return Refuse("name", PersonProblem.NameTooLong, "Keep the name under 200 characters.");
        if (!EnumNames.TryParseOptional<Sex>(Blank(input.Sex), out var sex)) return Refuse("sex", PersonProblem.UnknownSex, "'sex' is Female, Male or Other.");
        if (!EnumNames.TryParseOptional<AgeGroup>(Blank(input.AgeGroup), out var age))
            return Refuse("ageGroup", PersonProblem.UnknownAgeGroup, "'ageGroup' is Child, Adult or Older.");
        if (input.ClientId == Guid.Empty)
            return Refuse("clientId", PersonProblem.ClientIdZero, "'clientId' is the id the device made for this person; it cannot be all zeros.");
        var details = new PersonDetails(role, name, Blank(input.Contact), Blank(input.Notes), sex, age);
        return await SaveOnceAsync(reportId, input.ClientId ?? Guid.NewGuid(), details, cancellationToken);
    }

    private async Task<Outcome<PersonAdded>> SaveOnceAsync(Guid reportId, Guid clientId, PersonDetails details, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, cancellationToken) is { } earlier) return Once(earlier, reportId);
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
            return Once(await FindAsync(clientId, cancellationToken) ?? throw new InvalidOperationException("The person could not be saved."), reportId);
        }
        return new PersonAdded(person, Created: true);
    }

    private static Outcome<PersonAdded> Once(ReportPerson earlier, Guid reportId) =>
        earlier.ReportId == reportId
            ? new PersonAdded(earlier, Created: false)
            : Refuse("clientId", PersonProblem.ClientIdOfAnotherReport, "This clientId names a person in another report; make a new id on the device.");

    private static Refusal Refuse(string field, PersonProblem problem, string message) => new(problem, message) { Field = field };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

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
