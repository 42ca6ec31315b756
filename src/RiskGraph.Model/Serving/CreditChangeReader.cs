using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Security;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Serving;

/// <summary>
/// Turns change-feed entries into the rows a served state can apply without a rebuild. Credit records (penalties,
/// list entries, commitments, inspections, repairs, objections and their outcomes) are read back by key; rows the
/// snapshot never holds (API keys, person list entries, training labels) need nothing. Anything else — enterprises,
/// persons, relations, a bulk import — changes ids or structure and needs a full rebuild.
/// </summary>
public static class CreditChangeReader
{
    /// <summary>Record types written to the store that no served snapshot reads.</summary>
    private static readonly HashSet<string> OutsideSnapshot = new(StringComparer.Ordinal)
    {
        nameof(ApiKey), nameof(PersonListEntry), nameof(RiskLabel),
    };

    /// <summary>Whether every change can be applied to a served state in place (see <see cref="ReadAsync"/>).</summary>
    public static bool IsIncremental(IReadOnlyList<StoreChange> changes)
    {
        foreach (var change in changes)
        {
            if (OutsideSnapshot.Contains(change.RecordType)) continue;
            if (change.IsBulk || !IsCreditType(change.RecordType)) return false;
        }
        return true;
    }

    /// <summary>The credit rows the changes name, as stored now; null when any change needs a full rebuild.</summary>
    public static async Task<CreditLedgerChanges?> ReadAsync(IGraphStore store, IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken)
    {
        if (!IsIncremental(changes)) return null;
        return new CreditLedgerChanges(
            await ReadAsync<Penalty>(store, changes, cancellationToken),
            await ReadAsync<ListEntry>(store, changes, cancellationToken),
            await ReadAsync<Commitment>(store, changes, cancellationToken),
            await ReadAsync<Inspection>(store, changes, cancellationToken),
            await ReadAsync<CreditRepair>(store, changes, cancellationToken),
            await ReadAsync<Objection>(store, changes, cancellationToken),
            await ReadAsync<ObjectionOutcome>(store, changes, cancellationToken));
    }

    private static bool IsCreditType(string recordType) => recordType is
        nameof(Penalty) or nameof(ListEntry) or nameof(Commitment) or nameof(Inspection) or nameof(CreditRepair) or nameof(Objection)
        or nameof(ObjectionOutcome);

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(IGraphStore store, IReadOnlyList<StoreChange> changes, CancellationToken cancellationToken)
        where T : class
    {
        // A key written twice in the range is read once: the store holds its latest version.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.RecordType == typeof(T).Name && change.Keys is { } written) keys.UnionWith(written);
        }
        return keys.Count == 0 ? [] : await store.ReadByKeysAsync<T>([.. keys], cancellationToken);
    }
}
