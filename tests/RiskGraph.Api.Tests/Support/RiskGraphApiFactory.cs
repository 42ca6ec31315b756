using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using RiskGraph.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Security;
using RiskGraph.Model.Security;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Tests;

/// <summary>
/// The real API host pointed at one RiskGraph home folder, with one real key per role created in its own store.
/// <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> gives an admin client that names a purpose, so tests
/// about other things than access reach every route; <see cref="CreateClientFor"/> gives a client of one role.
/// Rate limits are raised so that tests looping over many enterprises are not throttled (the rate-limit tests set their own).
/// </summary>
public sealed class RiskGraphApiFactory(
    string home, int modelPollSeconds = 10, IReadOnlyDictionary<string, string?>? settings = null, string keyPrefix = "test")
    : WebApplicationFactory<Program>
{
    public const string Purpose = "supervision";

    private readonly ConcurrentDictionary<string, string> _keys = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RiskGraph:Home", home);
        builder.UseSetting("RiskGraph:ModelPollSeconds", modelPollSeconds.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("RiskGraph:Auth:KeyRefreshSeconds", "1");
        foreach (string bucket in new[] { "Analyst", "System", "CreditOfficer", "Admin", "Anonymous" })
        {
            builder.UseSetting($"RiskGraph:RateLimits:{bucket}:Burst", "1000000");
            builder.UseSetting($"RiskGraph:RateLimits:{bucket}:PerSecond", "1000000");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            // Today is the generator's as-of day, so the generated records are as current as in a real service.
            services.AddSingleton<TimeProvider>(new ShiftedClock(RiskGraph.Training.Synthetic.SyntheticOptions.DefaultAsOf));
            // The key TrainedHome imported the generated persons with, so ID numbers resolve to the same persons.
            services.AddSingleton(new RiskGraph.Model.Identity.PersonKeyHasher(new byte[32]));
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyFor(ApiRole.Admin));
        client.DefaultRequestHeaders.Add("X-Purpose", Purpose);
    }

    /// <summary>A client with the key of <paramref name="role"/> (none when null) and, unless null, a purpose.</summary>
    public HttpClient CreateClientFor(ApiRole? role, string? purpose = Purpose, string? region = null)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = null;
        client.DefaultRequestHeaders.Remove("X-Purpose");
        if (role is { } r) client.DefaultRequestHeaders.Add("X-Api-Key", KeyFor(r, region));
        if (purpose is not null) client.DefaultRequestHeaders.Add("X-Purpose", purpose);
        return client;
    }

    /// <summary>The key of a test principal of <paramref name="role"/> (optionally scoped), created in the API's store on first use.</summary>
    public string KeyFor(ApiRole role, string? region = null, DateOnly? expires = null, string? name = null)
    {
        name ??= $"{keyPrefix}-{role.Name()}{(region is null ? "" : "-" + region)}";
        return _keys.GetOrAdd(name, _ => CreateKeyAsync(name, role, region, expires).GetAwaiter().GetResult());
    }

    public async Task<string> CreateKeyAsync(string name, ApiRole role, string? region = null, DateOnly? expires = null)
    {
        var (_, text) = await ApiKeyAdministration.CreateAsync(Store, name, role, $"{role.Name()} department", region, expires, DateTimeOffset.UtcNow);
        await Services.GetRequiredService<ApiKeyRingProvider>().RefreshAsync(CancellationToken.None);
        return text;
    }

    public IGraphStore Store => Services.GetRequiredService<IGraphStore>();
}
