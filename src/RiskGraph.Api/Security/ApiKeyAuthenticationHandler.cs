using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Security;

/// <summary>
/// The API-key scheme: a key sent as <c>Authorization: Bearer rgk_…</c> or <c>X-Api-Key: rgk_…</c> is looked up by
/// its id and its secret compared in constant time with the stored hash. Revoked and expired keys fail with the
/// reason in the log (never in the answer, which only says the key was refused).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyRingProvider keys, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented) return Task.FromResult(AuthenticateResult.NoResult());
        var check = keys.Current.Check(presented, clock.GetUtcNow(), out var key);
        if (check != KeyCheck.Valid)
        {
            Logger.LogWarning("API key refused ({Check}) for {Method} {Path}{Name}", check, Request.Method, Request.Path,
                key is null ? "" : $" (key '{key.Name}')");
            return Task.FromResult(AuthenticateResult.Fail($"The API key is {Describe(check)}."));
        }
        var identity = RiskGraphClaims.Identity(SchemeName, key!.Name, key.Role, key.Department, key.RegionScope);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new(identity), SchemeName)));
    }

    /// <summary>The key from X-Api-Key, or from a bearer token that has the key's prefix (other bearer tokens are JWTs).</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.ToString() is { Length: > 0 } value) return value.Trim();
        string authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            string token = authorization[bearer.Length..].Trim();
            if (token.StartsWith(ApiKeySecret.Prefix, StringComparison.Ordinal)) return token;
        }
        return null;
    }

    private static string Describe(KeyCheck check) => check switch
    {
        KeyCheck.Revoked => "revoked",
        KeyCheck.Expired => "expired",
        KeyCheck.Malformed => "malformed",
        _ => "not known",
    };
}
