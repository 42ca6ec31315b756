using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Monitoring;

/// <summary>How events are written: once per kind, then per list; on one thread or on all; with ids that never change.</summary>
public class WatchEventRenderingTests
{
    [Fact]
    public async Task EventsWrittenOnEveryCore_AreTheEventsWrittenOnOne_InTheSameOrder()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var before = new ServingPoint(graph.Snapshot, null, null, graph.Sequence);
        var targets = TinyGraph.E.Concat(WatchTestGraph.HubEnterprises).ToArray();
        await graph.Store.UpsertAsync<Penalty>(targets.Select((u, i) =>
            new Penalty($"R-{i}", u, PenaltyKind.Fine, 1_000 + i, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6), "市场监管局")).ToList());
        await graph.ReloadAsync();
        var changes = await graph.Store.ReadChangesAsync(before.Sequence, 1000);
        var transition = new ServingTransition(before, new ServingPoint(graph.Snapshot, null, null, graph.Sequence), changes, DateTimeOffset.UtcNow);
        // Lists that overlap, so one penalty is an event for several lists with different members and paths.
        var lists = new[]
        {
            WatchTestGraph.Watch(graph.Snapshot, 1, TinyGraph.E[0]),
            WatchTestGraph.Watch(graph.Snapshot, 2, TinyGraph.E[3]),
            WatchTestGraph.Watch(graph.Snapshot, 0, WatchTestGraph.HubEnterprises),
        };
        lists[1] = lists[1] with { List = lists[1].List with { Id = "wl_second" } };
        lists[2] = lists[2] with { List = lists[2].List with { Id = "wl_hub" } };
        var none = new Dictionary<string, IReadOnlyList<string>>();

        var serial = WatchEventDeriver.Derive(transition, lists, none, int.MaxValue);
        var parallel = WatchEventDeriver.Derive(transition, lists, none, 0);

        Assert.True(serial.Events.Count > WatchTestGraph.HubEnterprises.Length, $"only {serial.Events.Count} events");
        Assert.Equal(3, serial.Events.Select(e => e.ListId).Distinct().Count());
        Assert.Equal(serial.Events.Select(Text), parallel.Events.Select(Text));
        // Each detail is one object: the kind's fields and the list's own part (member, path) joined.
        foreach (var e in serial.Events.Where(e => e.Kind == WatchEventKinds.Penalty))
        {
            var detail = JsonDocument.Parse(e.Detail).RootElement;
            Assert.Equal(e.RecordId, detail.GetProperty("record_id").GetString());
            var nodes = detail.GetProperty("path").GetProperty("nodes");
            Assert.Equal(e.Member, nodes[0].GetProperty("id").GetString());
            Assert.Equal(e.Enterprise, nodes[nodes.GetArrayLength() - 1].GetProperty("id").GetString());
        }
    }

    private static string Text(WatchEvent e) => $"{e with { Detail = [] }} {Encoding.UTF8.GetString(e.Detail)}";

    [Fact]
    public void AStableId_IsTheHashOfItsPartsJoinedByTheUnitSeparator_AsStoredIdsWere()
    {
        // Ids are kept in the store: a new way of computing them must give the old ones, or every event would come again.
        string[] parts = ["wl_1", "penalty", "91310115MA0000001X", "P-1", new string('长', 300)];
        string expected = "ev_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..24];

        Assert.Equal(expected, WatchDetail.StableId("ev_", parts));
        Assert.Equal(expected[..3] + Convert.ToHexStringLower(SHA256.HashData([]))[..24], WatchDetail.StableId("ev_"));
    }
}
