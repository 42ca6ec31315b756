using RiskGraph.Api.Endpoints;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Replication;
using RiskGraph.Api.Security;

// Content (explorer, appsettings.json) is found beside the binary, whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Store, snapshot and model: the embedded store under RISKGRAPH_HOME unless configured otherwise.
builder.Services.AddRiskGraphStore(builder.Configuration);
builder.Services.AddRiskGraphScoring();
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
builder.Services.AddProblemDetails();
builder.Services.AddRiskGraphHealthChecks();
builder.Services.AddRiskGraphOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRiskGraphSecurityHeaders();
app.UseRiskGraphSwagger();
app.UseRiskGraphExplorer();
app.UseRouting();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestTimeouts();

app.MapHealthApi();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.Scoring).AddEndpointFilter<RegionScopeFilter>()
    .MapWarningsApi().MapChecksApi();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.Analysis).AddEndpointFilter<RegionScopeFilter>()
    .MapNetworkApi().MapCreditApi().MapSearchApi().MapAnalyticsApi().MapAlertsApi().MapGovernanceApi().MapModelsApi().MapChangesApi()
    .MapPublicationApi().MapReportApi().MapPersonsApi();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.CreditWrites)
    .MapCreditWritesApi().MapInspectionsApi().MapPersonListWritesApi().MapIngestionApi();
app.MapGroup("").RequireAuthorization(RiskGraphPolicies.Administration)
    .MapModelAdministrationApi().MapAdministrationApi();

app.Run();
