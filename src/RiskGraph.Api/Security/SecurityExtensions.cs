using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RiskGraph.Api.Options;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Security;

public static class SecurityExtensions
{
    /// <summary>The scheme that picks API key or JWT per request.</summary>
    public const string SelectorScheme = "ApiKeyOrJwt";

    /// <summary>
    /// ASP.NET Core authentication (the API-key scheme, plus JWT bearer when configured), one authorization policy
    /// per kind of route with a fallback that refuses anonymous calls to any route without a policy, and 401/403 as
    /// ProblemDetails.
    /// </summary>
    public static IServiceCollection AddRiskGraphAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.Purposes.All(p => !string.IsNullOrWhiteSpace(p)), "RiskGraph:Auth:Purposes may not hold an empty purpose.")
            .Validate(o => o.Jwt.SigningKey is null || SigningKeyBytes(o.Jwt.SigningKey) is { Length: >= 32 },
                "RiskGraph:Auth:Jwt:SigningKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.AddSingleton<ApiKeyRingProvider>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyRingProvider>());

        var jwt = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>()?.Jwt ?? new JwtOptions();
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or JWT", options => options.ForwardDefaultSelector = context =>
                jwt.Enabled && ApiKeyAuthenticationHandler.PresentedKey(context.Request) is null
                && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.Enabled) authentication.AddJwtBearer(options => ConfigureJwt(options, jwt));

        services.AddAuthorization(options =>
        {
            // The metrics policy also admits allowed networks without a key: TelemetryExtensions defines it.
            foreach (var (policy, roles) in RiskGraphPolicies.Roles.Where(p => p.Key != RiskGraphPolicies.Metrics))
                options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    /// <summary>A token bucket per principal (by role), one per client address for callers without a key; 429 with Retry-After.</summary>
    public static IServiceCollection AddRiskGraphRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .Validate(o => new[] { o.Analyst, o.System, o.CreditOfficer, o.Admin, o.Anonymous }.All(b => b.Burst >= 1 && b.PerSecond >= 1),
                "every bucket under RiskGraph:RateLimits needs Burst and PerSecond of at least 1.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var role = context.User.RoleOf();
                var bucket = limits.For(role);
                string partition = role is null ? "address:" + context.Connection.RemoteIpAddress : "principal:" + context.User.ActorName();
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = bucket.Burst,
                    TokensPerPeriod = bucket.PerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = RateLimitProblem.WriteAsync;
        });
        return services;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtOptions jwt)
    {
        options.MapInboundClaims = false;
        if (!string.IsNullOrWhiteSpace(jwt.Authority)) options.Authority = jwt.Authority;
        options.Audience = jwt.Audience;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer),
            ValidIssuer = jwt.Issuer,
            ValidateAudience = !string.IsNullOrWhiteSpace(jwt.Audience),
            ValidAudience = jwt.Audience,
            IssuerSigningKey = jwt.SigningKey is { } key ? new SymmetricSecurityKey(SigningKeyBytes(key)) : null,
            NameClaimType = "sub",
            RoleClaimType = jwt.RoleClaim,
        };
        // Tokens carry the provider's claim names; the rest of the API reads RiskGraph's, so they are mapped once here.
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var token = context.Principal!;
                string name = token.FindFirst("sub")?.Value ?? token.FindFirst("name")?.Value ?? "";
                if (!ApiRoles.TryParse(token.FindFirst(jwt.RoleClaim)?.Value, out var role) || name.Length == 0)
                {
                    context.Fail($"The token needs a subject and a '{jwt.RoleClaim}' claim naming one of {string.Join(", ", ApiRoles.All)}.");
                    return Task.CompletedTask;
                }
                string department = token.FindFirst(jwt.DepartmentClaim)?.Value ?? name;
                context.Principal = new(RiskGraphClaims.Identity(JwtBearerDefaults.AuthenticationScheme, name, role, department,
                    token.FindFirst(jwt.RegionClaim)?.Value));
                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                // The authorization result handler writes the one 401 answer; the handler's own bare 401 is not wanted.
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }

    private static byte[]? SigningKeyBytes(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
