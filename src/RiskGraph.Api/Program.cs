using RiskGraph.Api.Endpoints;
using RiskGraph.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

// Store, snapshot and model: the embedded store under RISKGRAPH_HOME unless configured otherwise.
builder.Services.AddRiskGraphStore(builder.Configuration);
builder.Services.AddRiskGraphScoring();
builder.Services.AddRiskGraphGovernance();
builder.Services.AddRiskGraphCredit(builder.Configuration);
builder.Services.AddRiskGraphInspections();

// JSON, errors as ProblemDetails, health, OpenAPI.
builder.Services.AddRiskGraphJson();
builder.Services.AddProblemDetails();
builder.Services.AddRiskGraphHealthChecks();
builder.Services.AddRiskGraphOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRiskGraphSwagger();
app.UseRiskGraphExplorer();

app.MapHealthApi();
app.MapWarningsApi();
app.MapNetworkApi();
app.MapCreditApi();
app.MapChecksApi();
app.MapGovernanceApi();
app.MapModelsApi();
app.MapSearchApi();
app.MapAnalyticsApi();
app.MapAlertsApi();
app.MapPublicationApi();
app.MapReportApi();
app.MapInspectionsApi();
app.MapPersonsApi();

app.Run();
