using RiskGraph.Model.Algorithms.Ownership;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Monitoring;

public sealed partial class WatchEventDeriver
{
    private static readonly UltimateControllerParameters Ownership = new();
    private HashSet<int>? _ownershipChecked;

    /// <summary>A shareholding "held|holder" written: the held enterprise's controllers and 25 % holders may have changed, and it may be a new relation.</summary>
    private void ShareholdingWritten(StoreChange change, string key)
    {
        var (held, holder) = Split(key);
        int e = EnterpriseId(held);
        if (e < 0) return;
        int h = _after.Ids.IdOf(holder);
        if (h != IdMap.NotFound)
        {
            if (_after.Ids.IsEnterprise(h)) NewEnterpriseRelation(change, e, h, RelationType.ShareholderOf);
            else NewPersonRelation(change, e, h);
        }
        if (!WatchedByAny(e) || !(_ownershipChecked ??= []).Add(e)) return;
        var after = new UltimateController(_after, Ownership).ForEnterprise(e);
        UltimateControllerResult? before = _before is not null && BeforeOf(e) is int b and >= 0
            ? new UltimateController(_before, Ownership).ForEnterprise(b) : null;
        OwnershipMoved(change, e, WatchEventKinds.ControllerChange, before?.Controllers, after.Controllers);
        OwnershipMoved(change, e, WatchEventKinds.MajorShareholderChange, before?.BeneficialOwners, after.BeneficialOwners);
    }

    private void OwnershipMoved(StoreChange change, int e, string kind, IReadOnlyList<UltimateHolder>? before, IReadOnlyList<UltimateHolder> after)
    {
        string[] then = before is null ? [] : Keys(_before!, before), now = Keys(_after, after);
        if (before is null && now.Length == 0) return;
        if (then.AsSpan().SequenceEqual(now)) return;
        Emit(e, kind, $"{change.Sequence}:{string.Join(',', now)}", change.Sequence, change.At, null, d =>
        {
            var w = d.Writer;
            WriteHolders(w, "before", _before, before);
            WriteHolders(w, "after", _after, after);
        });
    }

    private static string[] Keys(GraphSnapshot snapshot, IReadOnlyList<UltimateHolder> holders)
    {
        var keys = new string[holders.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = snapshot.Ids.KeyOf(holders[i].Node);
        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    private static void WriteHolders(System.Text.Json.Utf8JsonWriter w, string name, GraphSnapshot? snapshot, IReadOnlyList<UltimateHolder>? holders)
    {
        w.WriteStartArray(name);
        if (snapshot is not null && holders is not null)
        {
            foreach (var holder in holders)
            {
                w.WriteStartObject();
                w.WriteString("id", snapshot.Ids.KeyOf(holder.Node));
                w.WriteString("kind", holder.IsPerson ? "person" : "enterprise");
                w.WriteString("label", snapshot.LabelOf(holder.Node));
                w.WriteNumber("share", Math.Round(holder.IntegratedShare, 6));
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
    }

    /// <summary>A supply link or guarantee "a|b" written.</summary>
    private void EnterpriseRelationWritten(StoreChange change, string key)
    {
        var (first, second) = Split(key);
        int a = EnterpriseId(first), b = EnterpriseId(second);
        if (a < 0 || b < 0) return;
        NewEnterpriseRelation(change, a, b, change.RecordType == nameof(SupplyLink) ? RelationType.SuppliesTo : RelationType.Guarantees);
    }

    /// <summary>A legal representative "uscc|person" or executive "uscc|person|title" written.</summary>
    private void PersonRelationWritten(StoreChange change, string key)
    {
        var (uscc, rest) = Split(key);
        int e = EnterpriseId(uscc);
        int bar = rest.IndexOf('|');
        int p = _after.Ids.IdOf(bar < 0 ? rest : rest[..bar]);
        if (e >= 0 && p != IdMap.NotFound && !_after.Ids.IsEnterprise(p)) NewPersonRelation(change, e, p);
    }

    /// <summary>
    /// A relation between two enterprises written, one of them seriously dishonest. A relation the state before already had
    /// is not new; one it seems not to have but that was reported already gets the same id (counterpart and person), once.
    /// </summary>
    private void NewEnterpriseRelation(StoreChange change, int a, int b, RelationType type)
    {
        if (!IsNew(a, b)) return;
        if (_after.Classes[b] == CreditClass.SeriouslyDishonest) DishonestRelation(change, a, b, -1, type);
        if (_after.Classes[a] == CreditClass.SeriouslyDishonest) DishonestRelation(change, b, a, -1, type);
    }

    /// <summary>Enterprise <paramref name="e"/> newly linked to person <paramref name="p"/>: the enterprises the person already links it to.</summary>
    private void NewPersonRelation(StoreChange change, int e, int p)
    {
        var graph = _after.Graph;
        if (graph.Degree(p) > WatchIndex.HubCap || !IsNew(e, p)) return;
        bool dishonest = _after.Classes[e] == CreditClass.SeriouslyDishonest;
        foreach (int w in graph.Neighbours(p))
        {
            if (w == e || w >= _after.EnterpriseCount) continue;
            if (_after.Classes[w] == CreditClass.SeriouslyDishonest) DishonestRelation(change, e, w, p, null);
            if (dishonest) DishonestRelation(change, w, e, p, null);
        }
    }

    private void DishonestRelation(StoreChange change, int watched, int counterpart, int person, RelationType? type)
    {
        string other = _after.Ids.KeyOf(counterpart);
        Emit(watched, WatchEventKinds.DishonestRelation, $"{other}:{(person < 0 ? "" : _after.Ids.KeyOf(person))}", change.Sequence, change.At, null, d =>
        {
            d.Text("relation", type is { } t ? t.Name() : "shared_person").Text("counterpart", other)
                .Text("counterpart_name", _after.Enterprises.Names[counterpart]).Text("counterpart_class", _after.Classes[counterpart].Name());
            d.Writer.WritePropertyName("relation_path");
            int[] nodes = person < 0 ? [watched, counterpart] : [watched, person, counterpart];
            WatchDetail.WritePath(d.Writer, _after, nodes);
        });
    }

    /// <summary>Whether the relation between after-ids <paramref name="x"/> and <paramref name="y"/> is absent from the before graph.</summary>
    private bool IsNew(int x, int y)
    {
        if (_before is null) return true;
        int bx = x < _after.EnterpriseCount ? BeforeOf(x) : _before.Ids.IdOf(_after.Ids.KeyOf(x));
        int by = y < _after.EnterpriseCount ? BeforeOf(y) : _before.Ids.IdOf(_after.Ids.KeyOf(y));
        if (bx < 0 || by < 0) return true;
        foreach (int n in _before.Graph.Neighbours(bx)) if (n == by) return false;
        return true;
    }

    private bool WatchedByAny(int e)
    {
        foreach (var watched in _lists) if (watched.Index.IsWatched(e)) return true;
        return false;
    }

    private int EnterpriseId(string uscc)
    {
        int id = _after.Ids.IdOf(uscc);
        return id != IdMap.NotFound && _after.Ids.IsEnterprise(id) ? id : -1;
    }

    private static (string First, string Second) Split(string key)
    {
        int bar = key.IndexOf('|');
        return bar < 0 ? (key, "") : (key[..bar], key[(bar + 1)..]);
    }
}
