using System.Security.Cryptography;
using System.Text;
using Spean.Core.Accounts;

namespace Spean.Web.Accounts;

/// <summary>
/// The one-time code /setup asks for, so that whoever reaches a new installation's page first cannot make themselves its
/// administrator: only someone who can read the server's console can. It lives in memory only, so a restart makes a new one.
/// </summary>
internal sealed class SetupCode
{
    // No 0/O or 1/I to misread: 20 characters of 32 are 100 bits.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Lock gate = new();
    private string? code;

    /// <summary>Setups in this process run one at a time: checking that no account exists and creating one are not interleaved.</summary>
    public SemaphoreSlim OneAtATime { get; } = new(1, 1);

    /// <summary>The code now valid, or null once spent or when accounts existed at start. Read only by this process (and its tests).</summary>
    public string? Current
    {
        get { lock (gate) return code; }
    }

    public string Issue()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 20);
        var issued = string.Join('-', chars.Chunk(5).Select(c => new string(c)));
        lock (gate) code = issued;
        return issued;
    }

    public bool Matches(string? candidate)
    {
        var expected = Current;
        if (expected is null || string.IsNullOrWhiteSpace(candidate)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Normalise(expected)), Encoding.UTF8.GetBytes(Normalise(candidate)));
    }

    public void Spend()
    {
        lock (gate) code = null;
    }

    private static string Normalise(string value) =>
        new(value.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
}

/// <summary>Prints the setup code on the server's console at start while no account exists, as Jupyter prints its token.</summary>
internal sealed class SetupCodeAnnouncement(IServiceScopeFactory scopes, SetupCode code, ILogger<SetupCodeAnnouncement> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<UserAccounts>().AnyUserExistsAsync(cancellationToken)) return;
        logger.LogWarning(
            "No account exists yet. To create the first administrator, open /setup and give this one-time setup code: {SetupCode} (restarting Spean makes a new one; `spean create-admin` needs none).",
            code.Issue());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
