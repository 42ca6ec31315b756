namespace RiskGraph.Model.Graph;

/// <summary>Per-enterprise attributes as parallel arrays indexed by dense enterprise id.</summary>
public sealed class EnterpriseAttributes(
    string[] names, int[] industry, int[] region, string[] industryCodes, string[] regionCodes,
    float[] registeredCapital, float[] ageYears, byte[] status)
{
    public string[] Names { get; } = names;

    /// <summary>Index into <see cref="IndustryCodes"/>.</summary>
    public int[] Industry { get; } = industry;

    /// <summary>Index into <see cref="RegionCodes"/>.</summary>
    public int[] Region { get; } = region;

    /// <summary>Distinct industry codes, sorted.</summary>
    public string[] IndustryCodes { get; } = industryCodes;

    /// <summary>Distinct region codes, sorted.</summary>
    public string[] RegionCodes { get; } = regionCodes;

    public float[] RegisteredCapital { get; } = registeredCapital;

    /// <summary>Years from founding to the snapshot date; NaN when the founding date is unknown.</summary>
    public float[] AgeYears { get; } = ageYears;

    /// <summary>(byte)EnterpriseStatus.</summary>
    public byte[] Status { get; } = status;

    public int Count => Names.Length;
}
