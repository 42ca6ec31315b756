namespace RiskGraph.Model.Monitoring;

/// <summary>A watch list with its index on the snapshot being served.</summary>
public sealed record WatchedList(WatchList List, WatchIndex Index);

/// <summary>What one transition gave: the events for the lists and the history points of every enterprise that moved.</summary>
public sealed record WatchDerivation(IReadOnlyList<WatchEvent> Events, IReadOnlyList<HistoryPoint> History);
