using Spean.Core.Data;
using Spean.Web.Accounts;
using Spean.Web.Auditing;
using Spean.Web.Components;
using Spean.Web.Implementation.Midterm;
using Spean.Web.Implementation.Scorecards;
using Spean.Web.Infrastructure;
using Spean.Web.Mail;
using Spean.Web.Monitoring.Map;
using Spean.Web.Monitoring;
using Spean.Web.Recommendations;
using Spean.Web.Recommendations.Saved;
using Spean.Web.Recommendations.Detail;
using Spean.Web.Recommendations.Prediction;
using Spean.Web.Taxonomies;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSpeanCore(builder.Configuration);
builder.Services.AddSpeanHardening(builder.Configuration);
builder.Services.AddSpeanAccounts();
builder.Services.AddSpeanMail(builder.Configuration);
builder.Services.AddSpeanLocalization();
builder.Services.AddSpeanApiConventions(builder.Configuration);
builder.Services.AddScoped<RecommendationLabels>();
builder.Services.AddScoped<ReportDetails>();
builder.Services.AddScoped<ScorecardTables>();
builder.Services.AddSingleton<PlaceList>();
builder.Services.AddHostedService<SearchWarmUp>();
builder.Services.AddRazorComponents();
builder.Services.AddHostedService<ClassifierTraining>();

var app = builder.Build();

await app.MigrateDatabaseAsync();

app.UseSpeanForwardedHeaders();
app.UseSpeanSecurityHeaders();
app.UseSpeanErrorHandling();
app.UseStaticFiles();
app.UseSpeanLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseSpeanAuditActor();
app.UseTokenScopes();
app.UseAuthorization();
app.UseTwoFactorEnrolment();
app.UseAntiforgery();

app.MapSpeanInfrastructure();
app.MapAccountEndpoints();
app.MapAccountsApi();
app.MapAuditApi();
app.MapTaxonomiesApi();
app.MapRecommendationsApi();
app.MapSavedSearchesApi();
app.MapRecommendationDetailApi();
app.MapMapApi();
app.MapPredictionApi();
app.MapReportsApi();
app.MapEvidenceApi();
app.MapScorecardsApi();
app.MapMidtermApi();
app.MapRazorComponents<App>();

app.Run();
