using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Spean.Core.Accounts;
using Spean.Core.Data;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Classification;

namespace Spean.EndToEnd.Tests;

/// <summary>The app on a real port over a fresh SQLite database, and one headless Debian Chromium for all tests.</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private IPlaywright? playwright;

    /// <summary>Where the app keeps its SQLite database, evidence files and keys.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("spean-e2e-").FullName;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Done when the prediction models are trained. Until then the app predicts nothing (the predict page, the SMART check,
    /// a matrix import's categories), so a test that reaches any of them awaits this first.
    /// </summary>
    public Task ModelsTrained { get; private set; } = Task.CompletedTask;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Spean:DataDirectory", DataDirectory);
        builder.UseSetting("Spean:LoadRecommendationsOnStart", "true");
        builder.UseSetting("Spean:SignInAttemptsPerMinute", "1000");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        // The search index is built in the background after start; the tests start once it is ready, so that no search
        // page waits behind it. The prediction models, over a minute of a core, go on training while the first tests run.
        ModelsTrained = Task.Run(Services.GetRequiredService<RecommendationClassifier>().Train);
        await Services.GetRequiredService<RecommendationSearch>().WarmUpAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        // The test machine is shared: give pages that derive keys or wait on a busy server time to answer.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    public async Task<Guid> CreateOrganisationAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var organisation = new Organisation { Name = name + " " + Guid.NewGuid().ToString("N")[..6] };
        var db = scope.ServiceProvider.GetRequiredService<SpeanDbContext>();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    /// <summary>A new user of the role with a known password, made the way an administrator would.</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(Role role, Guid? organisationId = null)
    {
        var (user, password) = await CreateUserWithIdAsync(role, organisationId);
        return (user.Email!, password);
    }

    public async Task<(SpeanUser User, string Password)> CreateUserWithIdAsync(Role role, Guid? organisationId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        const string password = "a long enough password";
        var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .CreateUserAsync(new NewUser(email, $"{role} Person", role, organisationId, password));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return (result.User!, password);
    }

    /// <summary>A phone-sized page (360 px wide), as most field monitors have.</summary>
    /// <param name="baseUrl">Where the phone reaches the app; by default straight at it.</param>
    public async Task<IPage> NewPhonePageAsync(string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        return await context.NewPageAsync();
    }

    public async Task<IPage> NewDesktopPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(nameof(BrowserApp))]
public sealed class BrowserAppCollection : ICollectionFixture<BrowserApp>;
