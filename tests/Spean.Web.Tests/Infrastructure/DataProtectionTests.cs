using System.Net;
using Microsoft.AspNetCore.Hosting;
using Spean.Core.Accounts;
using Spean.Core.Data;

namespace Spean.Web.Tests.Infrastructure;

/// <summary>A restart of the app (a new instance on the same data folder) must not sign everyone out.</summary>
public sealed class DataProtectionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spean-restart-").FullName;

    [Fact]
    public async Task A_sign_in_cookie_survives_a_restart_on_the_same_key_folder_and_is_refused_with_another_key_folder()
    {
        string cookie;
        string email;
        await using (var first = new FolderApp(folder, Path.Combine(folder, "keys")))
        {
            var user = await first.CreateUserAsync(Role.Member, password: "the right password");
            email = user.Email!;
            using var signIn = await first.AnonymousClient().SubmitAsync("/account/login",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "the right password" });
            cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("spean.auth=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using var restarted = new FolderApp(folder, Path.Combine(folder, "keys"));
        await using var otherKeys = new FolderApp(folder, Path.Combine(folder, "other-keys"));
        using var kept = await AccountPageAsync(restarted, cookie);
        using var refused = await AccountPageAsync(otherKeys, cookie);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Contains(email, await kept.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var protection = Path.Combine(folder, "keys", "data-protection");
        Assert.NotEmpty(Directory.GetFiles(protection, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(protection));
    }

    private static async Task<HttpResponseMessage> AccountPageAsync(SpeanApp app, string cookie)
    {
        var client = app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private sealed class FolderApp(string dataDirectory, string keyDirectory) : SpeanApp
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Spean:DataDirectory", dataDirectory);
            builder.UseSetting("Spean:KeyDirectory", keyDirectory);
            builder.UseSetting("ConnectionStrings:Spean", $"Data Source={Path.Combine(dataDirectory, "spean.db")}");
        }
    }
}
