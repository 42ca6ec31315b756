using RiskGraph.Api.Endpoints;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Monitoring;
using RiskGraph.Api.Replication;
using RiskGraph.Api.Security;

// Content (explorer, appsettings.json) is found beside the binary, whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Store, snapshot and model: the embedded store under RISKGRAPH_HOME unless configured otherwise.
builder.Services.AddRiskGraphStore(builder.Configuration);
builder.Services.AddRiskGraphScoring();
builder.Services.AddRiskGraphMonitoring(builder.Configuration);
builder.Services.AddRiskGraphReplication(builder.Configuration);
builder.Services.AddRiskGraphGovernance(builder.Configuration);
builder.Services.AddRiskGraphCredit(builder.Configuration);
builder.Services.AddRiskGraphInspections();

// Who may call what: API keys (and JWT when configured), a policy per route group, rate limits, request limits.
builder.Services.AddRiskGraphAuthentication(builder.Configuration);
builder.Services.AddRiskGraphRateLimiting(builder.Configuration);
builder.Services.AddRiskGraphRequestLimits(builder.Configuration);

// JSON, errors as ProblemDetails, health, OpenAPI.
builder.Services.AddRiskGraphJson();
builder.Services.AddRiskGraphProblemDetails();
builder.Services.AddRiskGraphHealthChecks();
builder.Services.AddRiskGraphOpenApi();
builder.Services.AddRiskGraphTelemetry(builder.Configuration);
builder.Services.AddRiskGraphLifecycle(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRiskGraphSecurityHeaders();
app.UseRiskGraphAsOfHeaders();
app.UseRiskGraphSwagger();
app.UseRiskGraphExplorer();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestTimeouts();
app.UseRiskGraphQueryValidation();

app.MapHealthApi();
app.MapRiskGraphMetrics();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.Scoring).AddEndpointFilter<RegionScopeFilter>()
    .MapWarningsApi().MapChecksApi();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.Analysis).AddEndpointFilter<RegionScopeFilter>()
    .MapNetworkApi().MapCreditApi().MapSearchApi().MapAnalyticsApi().MapAlertsApi().MapGovernanceApi().MapModelsApi().MapDriftApi().MapChangesApi()
    .MapPublicationApi().MapReportApi().MapPersonsApi().MapExplanationApi().MapExportsApi()
    .MapGuaranteeCirclesApi().MapGroupsApi().MapPersonViewApi().MapSupplyChainApi()
    .MapWatchListsApi().MapWatchEventsApi().MapWatchDeliveryApi().MapHistoryApi();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.CreditWrites).AddEndpointFilter<IdempotencyFilter>()
    .MapCreditWritesApi().MapInspectionsApi().MapPersonListWritesApi().MapIngestionApi().MapGraphIngestionApi();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.Administration)
    .MapModelAdministrationApi().MapAdministrationApi();

// Start-up failures (invalid options, an unreadable store or home) are one line and a non-zero exit, not a stack trace.
// On SIGTERM Kestrel stops accepting, lets requests in flight finish within RiskGraph:ShutdownDrainSeconds, and the
// audit writer commits what is queued when the container is disposed; the exit code is then 0.
try
{
    app.Run();
    return 0;
}
catch (Exception e) when (LifecycleExtensions.IsStartupFailure(e))
{
    app.Logger.LogCritical("RiskGraph API could not start: {Reason}", LifecycleExtensions.Describe(e));
    return 1;
}
