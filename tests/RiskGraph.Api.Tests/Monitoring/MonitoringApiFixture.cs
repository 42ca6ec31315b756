using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Api.Tests.Monitoring;

/// <summary>A trained home served with webhooks allowed to 127.0.0.1 and short delivery and stream polls.</summary>
public sealed class MonitoringApiFixture : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["RiskGraph:Monitoring:WebhookAllowedHosts:0"] = "127.0.0.1",
        ["RiskGraph:Monitoring:WebhookRetries"] = "3",
        ["RiskGraph:Monitoring:WebhookRetryDelayMilliseconds"] = "50",
        ["RiskGraph:Monitoring:WebhookPollMilliseconds"] = "100",
        ["RiskGraph:Monitoring:StreamPollMilliseconds"] = "200",
    };

    private int _next;

    public TrainedHome Trained { get; private set; } = null!;

    public RiskGraphApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Trained = await TrainedHome.CreateAsync(enterprises: 2_000, seed: 31);
        Factory = new RiskGraphApiFactory(Trained.Home.Root, settings: Settings);
        _ = Factory.Services.GetRequiredService<WarningService>();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Trained.Dispose();
    }

    /// <summary>A good-class member and a good-class enterprise that supplies it (one hop), different for every call.</summary>
    public (string Member, string Neighbour) MemberWithSupplier() => MemberWithSupplier(Factory.Services.GetRequiredService<WarningService>().Snapshot!, Interlocked.Increment(ref _next));

    public static (string Member, string Neighbour) MemberWithSupplier(GraphSnapshot s, int skip)
    {
        byte supplier = EdgeKind.Incoming(RelationType.SuppliesTo);
        for (int e = 0; e < s.EnterpriseCount; e++)
        {
            if (s.Classes[e] != CreditClass.Good) continue;
            for (int slot = s.Graph.Offsets[e]; slot < s.Graph.Offsets[e + 1]; slot++)
            {
                int n = s.Graph.Targets[slot];
                if (s.Graph.Kinds[slot] != supplier || n >= s.EnterpriseCount || s.Classes[n] != CreditClass.Good) continue;
                if (skip-- > 0) break;
                return (s.Ids.KeyOf(e), s.Ids.KeyOf(n));
            }
        }
        throw new InvalidOperationException("No good enterprise with a good supplier.");
    }

    public static object Fine(string id, string uscc, double amount) => new Dictionary<string, object?>
    {
        ["record_id"] = id, ["uscc"] = uscc, ["kind"] = "fine", ["amount"] = amount, ["decision_date"] = "2025-11-03",
        ["publication_date"] = "2025-11-05", ["department"] = "上海市市场监督管理局",
    };

    public static async Task<string> CreateListAsync(HttpClient client, string name, int radius, params string[] members)
    {
        var response = await client.PostAsJsonAsync("/api/watchlists", new { name, members, radius });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Reads the list's feed until an event matches (events are derived in the background after the write answers).</summary>
    public static async Task<JsonElement> WaitForEventAsync(HttpClient client, string listId, Func<JsonElement, bool> match, string after = "0")
    {
        for (int attempt = 0; attempt < 300; attempt++)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/watchlists/{listId}/events?after={after}&limit=1000");
            foreach (var item in page.GetProperty("items").EnumerateArray())
                if (match(item)) return item;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No matching event on {listId} within a minute.");
    }
}
