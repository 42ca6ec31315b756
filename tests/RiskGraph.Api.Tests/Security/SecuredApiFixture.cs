using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Model.Security;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Security;

/// <summary>
/// A trained home of its own behind the real API, with one key per role plus an expired, a revoked and a
/// region-scoped key, for the security tests (which write: repairs attempted, keys revoked).
/// </summary>
public sealed class SecuredApiFixture : IAsyncLifetime
{
    private TrainedHome? _trained;

    public TrainedHome Trained => _trained ?? throw new InvalidOperationException("Not initialised.");

    public RiskGraphApiFactory Factory { get; private set; } = null!;

    public IReadOnlyList<string[]> Enterprises { get; private set; } = [];

    public string ExpiredKey { get; private set; } = "";

    public string RevokedKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _trained = await TrainedHome.CreateAsync(enterprises: 1_500, seed: 23);
        Factory = new RiskGraphApiFactory(_trained.Home.Root);
        Enterprises = File.ReadLines(Path.Combine(_trained.DataFolder, "enterprises.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        foreach (var role in Enum.GetValues<ApiRole>()) Factory.KeyFor(role);
        // An expiry in the past cannot be created, so the expired key is written as the store would hold it a day later.
        ExpiredKey = Factory.KeyFor(ApiRole.Admin, name: "expired-admin", expires: DateOnly.FromDateTime(DateTime.UtcNow));
        var expired = (await ApiKeyAdministration.ListAsync(Factory.Store)).Single(k => k.Name == "expired-admin");
        // Long past, whatever day the test host's clock is set to.
        await Factory.Store.UpsertAsync<ApiKey>([expired with { ExpiresOn = new DateOnly(2020, 1, 1) }]);
        RevokedKey = Factory.KeyFor(ApiRole.Admin, name: "revoked-admin");
        await ApiKeyAdministration.RevokeAsync(Factory.Store, "revoked-admin", DateTimeOffset.UtcNow);
        await Factory.Services.GetRequiredService<RiskGraph.Api.Security.ApiKeyRingProvider>().RefreshAsync(CancellationToken.None);
    }

    /// <summary>USCC of an enterprise, and its region code.</summary>
    public (string Uscc, string Region) Enterprise(int index) => (Enterprises[index][0], Enterprises[index][RegionColumn]);

    private int RegionColumn => Array.IndexOf(File.ReadLines(Path.Combine(Trained.DataFolder, "enterprises.csv")).First().Split(','), "region");

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _trained?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SecuredApiCollection : ICollectionFixture<SecuredApiFixture>
{
    public const string Name = "secured API";
}
