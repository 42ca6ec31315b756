namespace RiskGraph.Model.Features;

/// <summary>Features of every enterprise, row-major in one array: row i is enterprise id i.</summary>
public sealed class FeatureMatrix(FeatureSchema schema, int rows, float[] values)
{
    public FeatureSchema Schema { get; } = schema;

    public int Rows { get; } = rows;

    public int Columns => Schema.Count;

    public float[] Values { get; } = values.Length == rows * schema.Count
        ? values
        : throw new ArgumentException("The value array does not match rows x columns.", nameof(values));

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public float this[int row, int column] => Values[row * Columns + column];
}
