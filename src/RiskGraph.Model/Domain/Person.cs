namespace RiskGraph.Model.Domain;

/// <summary>
/// A natural person linked to enterprises. The national ID number is never kept:
/// <paramref name="PersonKey"/> is a keyed hash of it and <paramref name="MaskedId"/> shows only its ends.
/// </summary>
public sealed record Person(string PersonKey, string DisplayName, string MaskedId);
