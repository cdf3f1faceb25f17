using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Spean.Core.Protection;

/// <summary>
/// AES-256-GCM for one field value: version (1 byte), key id (4), random nonce (12), tag (16), ciphertext.
/// The associated data binds the value to its record and field ("ReportPerson.EncryptedName/{id}"), so a
/// ciphertext copied onto another person or another field fails its integrity check instead of being read.
/// </summary>
public sealed class FieldCipher(KeyRing keys)
{
    private const byte Version = 1;
    private const int HeaderSize = 1 + 4;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Overhead = HeaderSize + NonceSize + TagSize;

    public static string Context(string entity, string field, Guid id) => $"{entity}.{field}/{id}";

    public byte[] Encrypt(string plaintext, string context)
    {
        var (keyId, key) = keys.Current;
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[Overhead + plain.Length];
        output[0] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(1), keyId);
        var nonce = output.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(Overhead), output.AsSpan(HeaderSize + NonceSize, TagSize), AssociatedData(output, context));
        return output;
    }

    public string Decrypt(byte[] value, string context)
    {
        var keyId = KeyIdOf(value)
            ?? throw new CryptographicException($"The stored value of {context} is not a value Spean encrypted (unknown format).");
        var key = keys.Find(keyId);
        var plain = new byte[value.Length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(value.AsSpan(HeaderSize, NonceSize), value.AsSpan(Overhead), value.AsSpan(HeaderSize + NonceSize, TagSize),
                plain, AssociatedData(value, context));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException(
                $"The stored value of {context} fails its integrity check: it was altered, or copied from another record. It cannot be read.", e);
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key a value was encrypted with, or null when the bytes are not a value of this format.</summary>
    public static uint? KeyIdOf(byte[] value) =>
        value.Length >= Overhead && value[0] == Version ? BinaryPrimitives.ReadUInt32BigEndian(value.AsSpan(1)) : null;

    private static byte[] AssociatedData(byte[] value, string context) =>
        [.. value.AsSpan(0, HeaderSize), .. Encoding.UTF8.GetBytes(context)];
}
