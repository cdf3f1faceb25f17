using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spean.Core.Data;
using Spean.Core.Monitoring;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using Spean.Core.Protection;
using Spean.Core.Monitoring.People;

namespace Spean.Web.Tests.Monitoring;

/// <summary>Witness identities on a real database: readable through Spean, unreadable in the raw files, across key rotation.</summary>
public abstract class ProtectedPeopleTests(SpeanApp app)
{
    private const string WitnessName = "Sokha Chanthavy-Witness";
    private const string KhmerName = "ចាន់ សុខាវិទូ";
    private const string Contact = "+855 12 345 678 canary";

    [Fact]
    public async Task A_saved_witness_reads_back_in_clear_but_the_database_holds_no_name_or_contact()
    {
        var reportId = await app.WithScopeAsync(services => SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>()));
        var saved = await app.WithScopeAsync(services => services.GetRequiredService<ReportPeople>().AddAsync(reportId,
            new PersonDetails(PersonRole.Witness, WitnessName, Contact, $"Lives near {KhmerName}", Sex.Female, AgeGroup.Adult)));

        var read = await app.WithScopeAsync(async services =>
        {
            var person = await services.GetRequiredService<SpeanDbContext>().ReportPeople.SingleAsync(p => p.Id == saved.Id);
            return services.GetRequiredService<ReportPeople>().Reveal(person);
        });

        Assert.Equal(new PersonDetails(PersonRole.Witness, WitnessName, Contact, $"Lives near {KhmerName}", Sex.Female, AgeGroup.Adult), read);
        var raw = await RawStorage.DatabaseBytesAsync(app);
        Assert.False(RawStorage.Holds(raw, WitnessName), "the witness name is readable in the raw database");
        Assert.False(RawStorage.Holds(raw, KhmerName), "the Khmer name is readable in the raw database");
        Assert.False(RawStorage.Holds(raw, Contact), "the contact is readable in the raw database");
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(WitnessName, StringComparison.Ordinal) || line.Contains(KhmerName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pseudonyms_are_stable_for_a_person_and_differ_between_people()
    {
        var (first, again, other) = await app.WithScopeAsync(async services =>
        {
            var people = services.GetRequiredService<ReportPeople>();
            var reportId = await SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>());
            var a = await people.AddAsync(reportId, new PersonDetails(PersonRole.Victim, "Dara"));
            var b = await people.AddAsync(reportId, new PersonDetails(PersonRole.Source, "Dara"));
            return (people.PseudonymOf(a), people.PseudonymOf(await services.GetRequiredService<SpeanDbContext>().ReportPeople.AsNoTracking().SingleAsync(p => p.Id == a.Id)), people.PseudonymOf(b));
        });

        Assert.Matches("^Person-[0-9A-F]{8}$", first);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Rotation_re_encrypts_every_identity_with_the_new_key_and_retires_old_keys_once_unused()
    {
        var people = await app.WithScopeAsync(async services =>
        {
            var reportPeople = services.GetRequiredService<ReportPeople>();
            var reportId = await SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>());
            return new[]
            {
                await reportPeople.AddAsync(reportId, new PersonDetails(PersonRole.Victim, "Victim before rotation", Notes: "notes")),
                await reportPeople.AddAsync(reportId, new PersonDetails(PersonRole.Witness, KhmerName, Contact)),
            };
        });
        var keys = app.Services.GetRequiredService<KeyRing>();
        var firstKey = keys.Keys.Single(k => k.Current).Id;
        var pseudonymBefore = await app.WithScopeAsync(services => Task.FromResult(services.GetRequiredService<ReportPeople>().PseudonymOf(people[0])));

        var first = await app.WithScopeAsync(services => services.GetRequiredService<KeyRotation>().RotateAsync());

        Assert.Empty(first.Failures);
        Assert.True(first.FieldsReencrypted >= 4, $"{first.FieldsReencrypted} fields re-encrypted");
        Assert.Contains(keys.Keys, k => k.Id == firstKey);
        var stored = await app.WithScopeAsync(services => services.GetRequiredService<SpeanDbContext>().ReportPeople.AsNoTracking().ToListAsync());
        Assert.All(stored, p => Assert.Equal(first.NewKeyId, KeyRing.Hex(FieldCipher.KeyIdOf(p.EncryptedName)!.Value)));

        var second = await app.WithScopeAsync(services => services.GetRequiredService<KeyRotation>().RotateAsync());

        Assert.Contains(firstKey, second.RemovedKeys);
        Assert.DoesNotContain(keys.Keys, k => k.Id == firstKey);
        var read = await app.WithScopeAsync(async services =>
        {
            var reportPeople = services.GetRequiredService<ReportPeople>();
            var stored = await services.GetRequiredService<SpeanDbContext>().ReportPeople.Where(p => p.Id == people[0].Id || p.Id == people[1].Id).ToDictionaryAsync(p => p.Id);
            // Two ids made in the same millisecond do not sort in the order they were made, so rows are taken in the order added.
            var rows = people.Select(p => stored[p.Id]).ToList();
            return (Details: rows.Select(reportPeople.Reveal).ToList(), Pseudonym: reportPeople.PseudonymOf(rows[0]));
        });
        Assert.Equal(["Victim before rotation", KhmerName], read.Details.Select(d => d.Name));
        Assert.Equal(Contact, read.Details[1].Contact);
        Assert.Equal(pseudonymBefore, read.Pseudonym);
    }

    [Fact]
    public async Task A_tampered_row_is_reported_by_rotation_and_keeps_its_key()
    {
        var person = await app.WithScopeAsync(async services => await services.GetRequiredService<ReportPeople>()
            .AddAsync(await SampleReports.CreateAsync(services.GetRequiredService<SpeanDbContext>()), new PersonDetails(PersonRole.Source, "Tampered source")));
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            var row = await db.ReportPeople.SingleAsync(p => p.Id == person.Id);
            var bytes = (byte[])row.EncryptedName.Clone();
            bytes[^1] ^= 1;
            row.EncryptedName = bytes;
            await db.SaveChangesAsync();
        });
        var keyBefore = KeyRing.Hex(FieldCipher.KeyIdOf(person.EncryptedName)!.Value);

        var report = await app.WithScopeAsync(services => services.GetRequiredService<KeyRotation>().RotateAsync());
        await app.WithScopeAsync(services => services.GetRequiredService<KeyRotation>().RotateAsync());

        Assert.Contains(report.Failures, f => f.Contains(person.Id.ToString(), StringComparison.Ordinal) && f.Contains("integrity", StringComparison.Ordinal));
        Assert.Contains(app.Services.GetRequiredService<KeyRing>().Keys, k => k.Id == keyBefore);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<SpeanDbContext>();
            db.ReportPeople.Remove(await db.ReportPeople.SingleAsync(p => p.Id == person.Id));
            await db.SaveChangesAsync();
        });
    }
}

[Collection(nameof(SqliteApp))]
public sealed class SqliteProtectedPeopleTests(SqliteApp app) : ProtectedPeopleTests(app);

[Collection(nameof(PostgresApp))]
public sealed class PostgresProtectedPeopleTests(PostgresApp app) : ProtectedPeopleTests(app);
