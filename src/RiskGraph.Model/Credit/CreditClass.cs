namespace RiskGraph.Model.Credit;

/// <summary>The four credit-risk classes (良好 / 警示 / 失信 / 严重失信), ordered by severity.</summary>
public enum CreditClass : byte
{
    Good,
    Warning,
    Dishonest,
    SeriouslyDishonest,
}

public static class CreditClassNames
{
    private static readonly string[] Names = ["good", "warning", "dishonest", "seriously_dishonest"];
    private static readonly string[] Chinese = ["良好", "警示", "失信", "严重失信"];
    private static readonly string[] Colours = ["green", "yellow", "red", "black"];

    public static string Name(this CreditClass value) => Names[(int)value];

    public static string ChineseName(this CreditClass value) => Chinese[(int)value];

    public static string Colour(this CreditClass value) => Colours[(int)value];
}
