using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Tests.Support;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests;

/// <summary>The API over a generated, imported and trained home, shared by the tests of one collection.</summary>
public sealed class TrainedApiFixture : IAsyncLifetime
{
    private TrainedHome? _trained;

    public TrainedHome Trained => _trained ?? throw new InvalidOperationException("Not initialised.");

    public RiskGraphApiFactory Factory { get; private set; } = null!;

    /// <summary>USCCs of the generated enterprises, in file order.</summary>
    public IReadOnlyList<string> Usccs { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _trained = await TrainedHome.CreateAsync(enterprises: 2_000, seed: 11);
        Factory = new RiskGraphApiFactory(_trained.Home.Root);
        Usccs = File.ReadLines(Path.Combine(_trained.DataFolder, "enterprises.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _trained?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedApiCollection : ICollectionFixture<TrainedApiFixture>
{
    public const string Name = "trained API";
}
