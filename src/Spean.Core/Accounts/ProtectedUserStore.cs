using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Spean.Core.Data;
using Spean.Core.Protection;

namespace Spean.Core.Accounts;

/// <summary>
/// Identity's store with every AspNetUserTokens value (the authenticator key, the recovery codes) encrypted with
/// the key ring, bound to its user and token name, so a copy of the database gives no second factor. Values
/// written before this are read as they are and encrypted at the next start, write or key rotation.
/// </summary>
internal sealed class ProtectedUserStore(SpeanDbContext context, UserTokenCipher tokens, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<SpeanUser, SpeanDbContext, Guid>(context, describer)
{
    public override Task SetTokenAsync(SpeanUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : tokens.Protect(user.Id, loginProvider, name, value), cancellationToken);

    public override async Task<string?> GetTokenAsync(SpeanUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } value ? tokens.Reveal(user.Id, loginProvider, name, value) : null;
}

/// <summary>A <see cref="FieldCipher"/> value as text ("spean1:" and base 64), for the string column Identity gives tokens.</summary>
public sealed class UserTokenCipher(FieldCipher cipher)
{
    private const string Prefix = "spean1:";

    public string Protect(Guid userId, string loginProvider, string name, string value) =>
        Prefix + Convert.ToBase64String(cipher.Encrypt(value, Context(userId, loginProvider, name)));

    public string Reveal(Guid userId, string loginProvider, string name, string stored)
    {
        if (!IsProtected(stored)) return stored;
        var context = Context(userId, loginProvider, name);
        return cipher.Decrypt(Bytes(stored) ?? throw new CryptographicException($"The stored value of {context} is not a value Spean encrypted."), context);
    }

    /// <summary>The key a stored value is encrypted with; null for a value stored in clear before tokens were encrypted.</summary>
    public static uint? KeyIdOf(string stored) => Bytes(stored) is { } bytes ? FieldCipher.KeyIdOf(bytes) : null;

    /// <summary>Encrypts tokens stored in clear and, unless <paramref name="clearOnly"/>, re-encrypts those under another key than the current one; the caller saves.</summary>
    /// <returns>How many values changed, and the values that could not be read (altered, or their key is missing) with their keys.</returns>
    internal async Task<(int Changed, List<(string Problem, uint KeyId)> Failures)> ProtectAllAsync(
        SpeanDbContext db, uint currentKey, bool clearOnly, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        var failures = new List<(string, uint)>();
        foreach (var token in await db.UserTokens.ToListAsync(cancellationToken))
        {
            if (token.Value is not { } stored) continue;
            var keyId = KeyIdOf(stored);
            if (keyId == currentKey || (clearOnly && IsProtected(stored))) continue;
            try
            {
                token.Value = Protect(token.UserId, token.LoginProvider, token.Name, Reveal(token.UserId, token.LoginProvider, token.Name, stored));
                changed++;
            }
            catch (CryptographicException e)
            {
                failures.Add((e.Message, keyId ?? 0));
            }
        }
        return (changed, failures);
    }

    private static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    private static byte[]? Bytes(string stored)
    {
        if (!IsProtected(stored)) return null;
        var bytes = new byte[stored.Length];
        return Convert.TryFromBase64String(stored[Prefix.Length..], bytes, out var written) ? bytes[..written] : null;
    }

    private static string Context(Guid userId, string loginProvider, string name) =>
        $"{FieldCipher.Context("IdentityUserToken", "Value", userId)}/{loginProvider}/{name}";
}
