using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RiskGraph.Api.Tests.Support;

/// <summary>
/// The system clock moved so that today (in China) is <paramref name="today"/>: the generated records are dated up
/// to the generator's as-of day, and the credit clock must see them as the real service would on that day. Time
/// still runs, so audit entries keep their order.
/// </summary>
public sealed class ShiftedClock(DateOnly today) : TimeProvider
{
    private readonly TimeSpan _shift =
        new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)) - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}

/// <summary>
/// Roles from an X-Test-Roles header (comma-separated), until the API has authentication of its own: the credit
/// file's full view is chosen from <c>User.IsInRole</c>, which this fills in the way an authentication handler would.
/// </summary>
public sealed class TestRolesStartupFilter : IStartupFilter
{
    public const string Header = "X-Test-Roles";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var roles))
            {
                var claims = roles.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(r => new Claim(ClaimTypes.Role, r));
                context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
            }
            await nextMiddleware(context);
        });
        next(app);
    };
}
