using Microsoft.ML;
using Microsoft.ML.Data;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>Builds ML.NET data views over rows of a <see cref="FeatureMatrix"/>, optionally cut to the first columns.</summary>
public static class ModelDataViews
{
    public static IDataView Create(MLContext ml, FeatureMatrix matrix, IReadOnlyList<int> rows, int columns, Func<int, bool>? label = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, matrix.Columns);
        var definition = SchemaDefinition.Create(typeof(FeatureVectorRow));
        definition[nameof(FeatureVectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
        var data = new FeatureVectorRow[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            data[i] = new FeatureVectorRow
            {
                Features = matrix.Row(rows[i])[..columns].ToArray(),
                Label = label is not null && label(rows[i]),
            };
        }
        return ml.Data.LoadFromEnumerable(data, definition);
    }

    public static IReadOnlyList<int> AllRows(FeatureMatrix matrix) => Enumerable.Range(0, matrix.Rows).ToArray();
}
