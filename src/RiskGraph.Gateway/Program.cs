using RiskGraph.Gateway;
using Yarp.ReverseProxy.Health;

// The replicas' gateway: YARP in front of RiskGraph API processes that share one store and model registry.
// Destinations come from the ReverseProxy section (scripts/cluster.sh fills it through the environment).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<ReplicaTable>();
builder.Services.AddSingleton<IActiveHealthCheckPolicy, ReplicaHealthPolicy>();
builder.Services.AddSingleton<IProbingRequestFactory, ProbeRequestFactory>();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();

// The gateway's own view (no replica data beyond health): which replicas are in, and the retry counts.
app.MapGet("/gateway/status", (ReplicaTable table) => TypedResults.Json(table.Snapshot(), GatewayJson.Options));
app.MapReverseProxy(proxy =>
{
    proxy.Use(RetryMiddleware.InvokeAsync);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

app.Run();
