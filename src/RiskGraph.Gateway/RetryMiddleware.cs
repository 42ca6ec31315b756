using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace RiskGraph.Gateway;

/// <summary>
/// Retries idempotent requests (GET, HEAD) on another replica when forwarding failed before any of the answer reached
/// the client: YARP has no retry of its own. Runs in the proxy pipeline before load balancing, so each attempt picks a
/// destination again from those available minus the ones already tried. Other methods are never re-sent: a write
/// may have been applied by a replica that died before answering.
/// </summary>
public static class RetryMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var table = context.RequestServices.GetRequiredService<ReplicaTable>();
        int maxAttempts = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.MaxAttempts;
        bool idempotent = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var proxy = context.GetReverseProxyFeature();
        var available = proxy.AvailableDestinations;
        var tried = new List<DestinationState>();
        for (int attempt = 1; ; attempt++)
        {
            table.Forwarded();
            await next();
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null) return;
            if (!idempotent || context.Response.HasStarted)
            {
                table.FailedUnretried();
                return;
            }
            if (proxy.ProxiedDestination is { } failed) tried.Add(failed);
            var remaining = available.Where(d => !tried.Contains(d)).ToArray();
            if (attempt >= maxAttempts || remaining.Length == 0)
            {
                table.FailedAfterRetries();
                return;
            }
            // Forget the failed attempt: its error, its 502 and the destination it went to.
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            proxy.AvailableDestinations = remaining;
            table.Retried();
        }
    }
}
