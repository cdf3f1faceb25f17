using System.Security.Cryptography;
using System.Text;
using Spean.Core.Protection;

namespace Spean.Core.Tests.Monitoring;

public sealed class FieldCipherTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-keys-").FullName;
    private readonly KeyRing keys;
    private readonly FieldCipher cipher;

    public FieldCipherTests()
    {
        keys = new KeyRing(Path.Combine(folder, "keys"), TimeProvider.System);
        keys.CreateIfMissing();
        cipher = new FieldCipher(keys);
    }

    private static readonly string Context = FieldCipher.Context("ReportPerson", "EncryptedName", Guid.CreateVersion7());

    [Fact]
    public void A_Khmer_name_comes_back_as_it_went_in_and_is_not_in_the_stored_bytes()
    {
        var stored = cipher.Encrypt("សុខា ចាន់", Context);

        Assert.Equal("សុខា ចាន់", cipher.Decrypt(stored, Context));
        Assert.Equal(-1, stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes("សុខា")));
        Assert.NotEqual(stored, cipher.Encrypt("សុខា ចាន់", Context));
    }

    [Fact]
    public void A_flipped_byte_anywhere_after_the_key_id_fails_with_a_clear_message()
    {
        var stored = cipher.Encrypt("Sokha Chan", Context);

        for (var i = 5; i < stored.Length; i++)
        {
            var tampered = (byte[])stored.Clone();
            tampered[i] ^= 0x01;
            var error = Assert.Throws<CryptographicException>(() => cipher.Decrypt(tampered, Context));
            Assert.Contains("fails its integrity check", error.Message);
        }
    }

    [Fact]
    public void A_value_copied_onto_another_person_cannot_be_read()
    {
        var stored = cipher.Encrypt("Sokha Chan", Context);
        var otherPerson = FieldCipher.Context("ReportPerson", "EncryptedName", Guid.CreateVersion7());

        Assert.Throws<CryptographicException>(() => cipher.Decrypt(stored, otherPerson));
        Assert.Throws<CryptographicException>(() => cipher.Decrypt(stored, Context.Replace("EncryptedName", "EncryptedNotes", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_value_under_a_key_the_ring_does_not_hold_names_the_key_and_the_remedy()
    {
        var stored = cipher.Encrypt("Sokha Chan", Context);
        stored[1] ^= 0xFF;

        var error = Assert.Throws<CryptographicException>(() => cipher.Decrypt(stored, Context));
        Assert.Contains("not in the key ring", error.Message);
        Assert.Contains("Restore the key file", error.Message);
    }

    [Fact]
    public void The_key_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keys.FilePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys.Directory));
    }

    [Fact]
    public void A_running_app_reads_values_encrypted_after_another_process_rotated_the_ring()
    {
        var before = cipher.Encrypt("Sokha Chan", Context);
        var cli = new KeyRing(keys.Directory, TimeProvider.System);
        var newKey = cli.AddCurrentKey();

        var after = new FieldCipher(cli).Encrypt("Dara Kim", Context);

        Assert.Equal("Dara Kim", cipher.Decrypt(after, Context));
        Assert.Equal("Sokha Chan", cipher.Decrypt(before, Context));
        Assert.Equal(newKey, keys.Keys.Single(k => k.Current).Id);
        Assert.Equal(2, keys.Keys.Count);
    }

    [Fact]
    public void Creating_the_ring_again_keeps_the_existing_keys()
    {
        var stored = cipher.Encrypt("Sokha Chan", Context);

        Assert.False(new KeyRing(keys.Directory, TimeProvider.System).CreateIfMissing());
        Assert.Equal("Sokha Chan", new FieldCipher(new KeyRing(keys.Directory, TimeProvider.System)).Decrypt(stored, Context));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
