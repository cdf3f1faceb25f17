using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Web.Accounts;

public sealed record CreatedToken(Guid Id, string Name, string Token, DateTime ExpiresAt, string Scope);

public sealed record TokenSummary(Guid Id, string Name, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, bool Revoked, string Scope);

internal sealed record LiveToken(Guid UserId, TokenScope Scope);

internal sealed class PersonalAccessTokens(SpeanDbContext db, TimeProvider clock)
{
    private const string Prefix = "spean_";

    public const int MaxDays = 365;

    public async Task<CreatedToken> CreateAsync(Guid userId, string name, int days, TokenScope scope = TokenScope.ReadWrite)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new PersonalAccessToken
        {
            UserId = userId, Name = name.Trim(), TokenHash = Hash(secret), CreatedAt = now, ExpiresAt = now.AddDays(days), Scope = scope,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync();
        return new CreatedToken(token.Id, token.Name, secret, token.ExpiresAt, token.Scope.ToString());
    }

    public Task<List<TokenSummary>> ListAsync(Guid userId) =>
        db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenSummary(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt != null, t.Scope.ToString()))
            .ToListAsync();

    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId)
    {
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return true;
    }

    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>The owner and scope of a live token, or null. Last use is stamped without an audit line per request.</summary>
    public async Task<LiveToken?> FindAsync(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var hash = Hash(secret);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.PersonalAccessTokens.AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now);
        if (token is null) return null;
        // At most once a minute: a write per request made fifty scripts queue on SQLite's one writer until one timed out.
        var stale = now - LastUseResolution;
        if (token.LastUsedAt is not { } last || last <= stale)
            await HintWrites.TryAsync(db.Database, () => db.PersonalAccessTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt <= stale))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now)));
        return new LiveToken(token.UserId, token.Scope);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
