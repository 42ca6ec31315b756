using System.Text.Json;

namespace RiskGraph.Api.Contracts;

/// <summary>
/// Records to ingest, up to 10,000 in all: each an object whose fields are the columns of the matching CSV file
/// (penalties.csv, list_entries.csv, commitments.csv), with the same names; values as JSON strings or numbers.
/// </summary>
public sealed record RecordsRequest(
    IReadOnlyList<Dictionary<string, JsonElement>>? Penalties,
    IReadOnlyList<Dictionary<string, JsonElement>>? ListEntries,
    IReadOnlyList<Dictionary<string, JsonElement>>? Commitments);

/// <param name="Sequence">The change-feed number of the write (the latest one when nothing changed).</param>
/// <param name="Reflected">Whether every served output already shows the records.</param>
public sealed record RecordsResponse(int Created, int Updated, int Unchanged, long Sequence, bool Reflected);
