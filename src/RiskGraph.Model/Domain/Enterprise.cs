namespace RiskGraph.Model.Domain;

/// <summary>A market entity keyed by its unified social credit code.</summary>
/// <param name="Industry">GB/T 4754 section letter plus 2-digit division, e.g. "C36".</param>
/// <param name="Region">6-digit administrative division code, e.g. "310115".</param>
/// <param name="RegisteredCapital">Registered capital in CNY.</param>
public sealed record Enterprise(
    string Uscc,
    string? RegistrationNo,
    string Name,
    string Industry,
    string Region,
    DateOnly? Founded,
    double RegisteredCapital,
    EnterpriseStatus Status);
