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

/// <summary>
/// Enterprises and persons to upsert, up to 10,000 rows in all, fields as in enterprises.csv and persons.csv (persons
/// by ID number: only its keyed hash and a masked form are stored).
/// </summary>
public sealed record EnterprisesRequest(
    IReadOnlyList<Dictionary<string, JsonElement>>? Enterprises,
    IReadOnlyList<Dictionary<string, JsonElement>>? Persons);

/// <summary>
/// Relations to upsert, fields as in the matching CSV files, and relations to <c>remove</c> (named by their key fields:
/// amounts and shares are not needed), up to 10,000 rows in all, in one transaction.
/// </summary>
public sealed record RelationsRequest(
    IReadOnlyList<Dictionary<string, JsonElement>>? LegalRepresentatives,
    IReadOnlyList<Dictionary<string, JsonElement>>? Executives,
    IReadOnlyList<Dictionary<string, JsonElement>>? Shareholdings,
    IReadOnlyList<Dictionary<string, JsonElement>>? SupplyLinks,
    IReadOnlyList<Dictionary<string, JsonElement>>? Guarantees,
    RelationsRequest? Remove);

/// <param name="Written">Rows upserted.</param>
/// <param name="Removed">Relations named for removal (a key not stored is no error).</param>
/// <param name="Reflected">
/// Whether served outputs already show the write. Structure changes are rebuilt in the background, so this is usually
/// false at first: the served sequence (RiskGraph-As-Of header, /api/changes) reaches <paramref name="Sequence"/> when they do.
/// </param>
public sealed record GraphWriteResponse(int Written, int Removed, long Sequence, bool Reflected);
