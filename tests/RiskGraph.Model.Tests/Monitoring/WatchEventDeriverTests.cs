using System.Text.Json;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Monitoring;

/// <summary>Every event kind derived from a real store's change feed and the snapshots before and after (TinyGraph, member E0, radius 1).</summary>
public class WatchEventDeriverTests
{
    private static readonly string[] E = TinyGraph.E;

    private static Penalty Fine(string id, string uscc, double amount = 20_000) =>
        new(id, uscc, PenaltyKind.Fine, amount, new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 6), "市场监管局");

    private static JsonElement Detail(WatchEvent e) => JsonDocument.Parse(e.Detail).RootElement;

    [Fact]
    public async Task APenaltyOnANeighbour_IsAnEventForTheMember_WithThePathBetweenThem_AndAStableId()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var (transition, derived) = await graph.AfterAsync(s => s.UpsertAsync<Penalty>([Fine("P-9", E[1])]));

        var penalty = Assert.Single(derived.Events, e => e.Kind == WatchEventKinds.Penalty);
        Assert.Equal((E[0], E[1], "P-9"), (penalty.Member, penalty.Enterprise, penalty.RecordId));
        Assert.Equal(transition.Changes[^1].Sequence, penalty.ChangeSequence);
        var detail = Detail(penalty);
        Assert.Equal("fine", detail.GetProperty("penalty_kind").GetString());
        Assert.Equal(1, detail.GetProperty("hops").GetInt32());
        var edge = Assert.Single(detail.GetProperty("path").GetProperty("edges").EnumerateArray());
        Assert.Equal((E[1], E[0], "SUPPLIES_TO"), (edge.GetProperty("source").GetString(), edge.GetProperty("target").GetString(), edge.GetProperty("type").GetString()));

        // The same facts derived again (another replica, a restart) give the same id.
        var again = WatchEventDeriver.Derive(transition, [WatchTestGraph.Watch(graph.Snapshot, 1, E[0])], new Dictionary<string, IReadOnlyList<string>>());
        Assert.Equal(penalty.Id, Assert.Single(again.Events, e => e.Kind == WatchEventKinds.Penalty).Id);
        // Sent again or updated, it derives the same event, which the store keeps once.
        var (_, resent) = await graph.AfterAsync(s => s.UpsertAsync<Penalty>([Fine("P-9", E[1], 30_000)]));
        Assert.Equal(penalty.Id, Assert.Single(resent.Events, e => e.Kind == WatchEventKinds.Penalty).Id);
    }

    [Fact]
    public async Task AClassChange_IsAnEventWithBeforeAfterAndTheDecisiveRule_AndAHistoryPointWithItsCause()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        // E2 is warning (a warning-type penalty only); a fine makes it dishonest.
        var (_, derived) = await graph.AfterAsync(s => s.UpsertAsync<Penalty>([Fine("P-10", E[2])]));

        var change = Assert.Single(derived.Events, e => e.Kind == WatchEventKinds.ClassChange);
        var detail = Detail(change);
        Assert.Equal(("warning", "dishonest", "red.up_to_5_penalties"),
            (detail.GetProperty("class_before").GetString(), detail.GetProperty("class_after").GetString(), detail.GetProperty("rule").GetString()));
        var point = Assert.Single(derived.History, h => h.Uscc == E[2]);
        Assert.Equal(("warning", "dishonest"), (point.ClassBefore, point.ClassAfter));
        Assert.Contains("P-10", point.Causes);
    }

    [Fact]
    public async Task AListEntryAndItsExit_AreTwoEvents()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var entry = new ListEntry("L-9", E[1], ListType.AbnormalOperation, new DateOnly(2026, 1, 2), null, "市场监管局");
        var (_, entered) = await graph.AfterAsync(s => s.UpsertAsync<ListEntry>([entry]));
        Assert.Equal("abnormal_operation", Detail(Assert.Single(entered.Events, e => e.Kind == WatchEventKinds.ListEntry)).GetProperty("list_type").GetString());

        var (_, exited) = await graph.AfterAsync(s => s.UpsertAsync<ListEntry>([entry with { ValidTo = new DateOnly(2026, 1, 10) }]));
        var exit = Assert.Single(exited.Events, e => e.Kind == WatchEventKinds.ListExit);
        Assert.Equal("2026-01-10", Detail(exit).GetProperty("valid_to").GetString());
        Assert.DoesNotContain(exited.Events, e => e.Kind == WatchEventKinds.ListEntry);
    }

    [Fact]
    public async Task ABreachedCommitment_IsAnEvent_AndAPendingOneIsNot()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var commitment = new Commitment("C-1", E[2], CommitmentType.NotificationApproval, "食品经营许可", new DateOnly(2025, 5, 1), Fulfilment.Pending, "市场监管局");
        var (_, pending) = await graph.AfterAsync(s => s.UpsertAsync<Commitment>([commitment]));
        Assert.DoesNotContain(pending.Events, e => e.Kind == WatchEventKinds.CommitmentBreached);

        var (_, breached) = await graph.AfterAsync(s => s.UpsertAsync<Commitment>([commitment with { Fulfilment = Fulfilment.Breached }]));
        Assert.Equal("C-1", Assert.Single(breached.Events, e => e.Kind == WatchEventKinds.CommitmentBreached).RecordId);
    }

    [Fact]
    public async Task ARepairOfARecordThatRaisedAnEvent_IsAWithdrawal_ForTheListsThatHadIt()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var repair = new CreditRepair("R-1", "P-1", RepairMethod.Rectification, "市场监管局", "整改完成", DateTimeOffset.UtcNow);
        var had = new Dictionary<string, IReadOnlyList<string>> { ["P-1"] = ["wl_test1"] };
        var (transition, derived) = await graph.AfterAsync(s => s.AppendOnceAsync(repair), recordEvents: had);

        Assert.Equal(["P-1"], WatchEventDeriver.WithdrawnRecords(transition));
        var withdrawal = Assert.Single(derived.Events, e => e.Kind == WatchEventKinds.Withdrawal);
        Assert.Equal((E[1], "repaired"), (withdrawal.Enterprise, Detail(withdrawal).GetProperty("withdrawn_by").GetString()));
    }

    [Fact]
    public async Task ANewControllingShareholder_IsAControllerChangeAndA25PercentHolderChange()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var (_, derived) = await graph.AfterAsync(s => s.UpsertAsync<Shareholding>([new(HolderKind.Person, TinyGraph.P1, E[2], 0.6)]));

        var controller = Detail(Assert.Single(derived.Events, e => e.Kind == WatchEventKinds.ControllerChange && e.Enterprise == E[2]));
        Assert.Empty(controller.GetProperty("before").EnumerateArray());
        Assert.Equal(TinyGraph.P1, Assert.Single(controller.GetProperty("after").EnumerateArray()).GetProperty("id").GetString());
        var holders = Detail(Assert.Single(derived.Events, e => e.Kind == WatchEventKinds.MajorShareholderChange && e.Enterprise == E[2]));
        Assert.Contains(holders.GetProperty("after").EnumerateArray(), h => h.GetProperty("id").GetString() == TinyGraph.P1);
    }

    [Fact]
    public async Task ANewRelationToASeriouslyDishonestEnterprise_IsAnEvent_ButNotWhenTheRelationExisted()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        // E4 is on the serious-violation list: seriously dishonest.
        var (_, derived) = await graph.AfterAsync(s => s.UpsertAsync<Guarantee>([new(E[0], E[4], 1e6)]));
        var relation = Assert.Single(derived.Events, e => e.Kind == WatchEventKinds.DishonestRelation);
        Assert.Equal((E[0], E[0]), (relation.Member, relation.Enterprise));
        Assert.Equal((E[4], "GUARANTEES"), (Detail(relation).GetProperty("counterpart").GetString(), Detail(relation).GetProperty("relation").GetString()));

        var (_, again) = await graph.AfterAsync(s => s.UpsertAsync<Guarantee>([new(E[0], E[4], 2e6)]));
        Assert.DoesNotContain(again.Events, e => e.Kind == WatchEventKinds.DishonestRelation);
    }

    [Fact]
    public async Task NothingHappensOutsideTheRadius()
    {
        await using var graph = await WatchTestGraph.CreateAsync();
        var (_, derived) = await graph.AfterAsync(s => s.UpsertAsync<Penalty>([Fine("P-11", E[3], 600_000)]), radius: 1);
        Assert.Empty(derived.Events);
        Assert.NotEmpty(derived.History);
    }
}
