using Spean.Core.Auditing;
using Spean.Core.Backup;
using Spean.Core.Data;
using Spean.Core.Protection;
using Spean.Web.Accounts;
using Spean.Web.Administration;
using Spean.Web.Briefings;
using Spean.Web.Calendar;
using Spean.Web.Campaigns;
using Spean.Web.Components;
using Spean.Web.Implementation;
using Spean.Web.Infrastructure;
using Spean.Web.Mail;
using Spean.Web.Monitoring;
using Spean.Web.Notifications;
using Spean.Web.Recommendations;
using Spean.Web.Stakeholders;
using Spean.Web.Submissions;
using Spean.Web.Submissions.Calendar;
using Spean.Web.Submissions.Smart;
using Spean.Web.Taxonomies;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSpeanDatabase(builder.Configuration);
builder.Services.AddProtection(builder.Configuration);
builder.Services.AddAuditingServices();
builder.Services.AddBackupServices();
builder.Services.AddSpeanHardening(builder.Configuration);
builder.Services.AddSpeanCompression();
builder.Services.AddSpeanLocalization();
builder.Services.AddSpeanApiConventions(builder.Configuration);
builder.Services.AddRazorComponents();

builder.AddMail();
builder.AddNotifications();
builder.AddTaxonomies();
builder.AddAccounts();
builder.AddAdministration();
builder.AddRecommendations();
builder.AddMonitoring();
builder.AddImplementation();
builder.AddStakeholders();
builder.AddSmartCheck();
builder.AddSubmissions();
builder.AddCalendar();
builder.AddUprCalendar();
builder.AddCampaigns();
builder.AddBriefings();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseSpeanForwardedHeaders();
app.UseResponseCompression();
app.UseSpeanSecurityHeaders();
app.UseSpeanErrorHandling();
app.UseStaticFiles();
app.UseSpeanLocalization();
app.UseRateLimiter();
app.UseAccounts();
app.UseAntiforgery();
app.UseOutputCache();

app.MapSpeanInfrastructure();
app.MapAccounts();
app.MapAdministration();
app.MapTaxonomies();
app.MapRecommendations();
app.MapMonitoring();
app.MapImplementation();
app.MapStakeholders();
app.MapSmartCheck();
app.MapSubmissions();
app.MapCalendar();
app.MapUprCalendar();
app.MapCampaigns();
app.MapBriefings();
app.MapNotifications();
app.MapRazorComponents<App>();

app.Run();
