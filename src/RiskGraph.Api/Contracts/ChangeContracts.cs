namespace RiskGraph.Api.Contracts;

/// <param name="Keys">The natural keys written ('|' between the parts of a compound key); null for a bulk write (an import file).</param>
public sealed record ChangeResponse(long Sequence, DateTimeOffset At, string RecordType, int Rows, IReadOnlyList<string>? Keys);

/// <param name="NextSince">Pass as since to read on.</param>
/// <param name="Latest">The store's latest sequence.</param>
/// <param name="Served">The sequence the served outputs reflect.</param>
public sealed record ChangesResponse(IReadOnlyList<ChangeResponse> Changes, long NextSince, long Latest, long Served);
