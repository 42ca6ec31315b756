namespace RiskGraph.Model.Features;

/// <summary>
/// Features of every enterprise, row-major: row i is enterprise id i. Built as one flat array; a live service's
/// in-place updates (<see cref="WithRows"/>) copy only the blocks of <see cref="BlockRows"/> rows they touch, so a
/// change near a few enterprises costs kilobytes, not the whole matrix, and the previous matrix stays valid for the
/// requests still reading it.
/// </summary>
public sealed class FeatureMatrix
{
    public const int BlockRows = 1024;

    private readonly float[] _values;
    // Per block of rows, a replacement holding that block's rows, or null where the flat array still holds them.
    private readonly float[]?[]? _blocks;

    public FeatureMatrix(FeatureSchema schema, int rows, float[] values)
    {
        Schema = schema;
        Rows = rows;
        _values = values.Length == rows * schema.Count
            ? values
            : throw new ArgumentException("The value array does not match rows x columns.", nameof(values));
    }

    private FeatureMatrix(FeatureMatrix previous, float[]?[] blocks)
    {
        (Schema, Rows, _values, _blocks) = (previous.Schema, previous.Rows, previous._values, blocks);
    }

    public FeatureSchema Schema { get; }

    public int Rows { get; }

    public int Columns => Schema.Count;

    /// <summary>Every value in one flat array (a copy when rows were replaced in place).</summary>
    public float[] Values
    {
        get
        {
            if (_blocks is null) return _values;
            var flat = (float[])_values.Clone();
            for (int b = 0; b < _blocks.Length; b++) _blocks[b]?.CopyTo(flat, b * BlockRows * Columns);
            return flat;
        }
    }

    public ReadOnlySpan<float> Row(int row)
    {
        int columns = Columns;
        if (_blocks?[row / BlockRows] is { } block) return block.AsSpan(row % BlockRows * columns, columns);
        return _values.AsSpan(row * columns, columns);
    }

    public float this[int row, int column] => Row(row)[column];

    /// <summary>
    /// A matrix equal to this one except for <paramref name="rows"/>, which <paramref name="write"/> fills (the span
    /// it gets is cleared first). Blocks holding none of the rows are shared with this matrix.
    /// </summary>
    public FeatureMatrix WithRows(ReadOnlySpan<int> rows, RowWriter write)
    {
        int columns = Columns, blockCount = (Rows + BlockRows - 1) / BlockRows;
        var blocks = _blocks is null ? new float[]?[blockCount] : (float[]?[])_blocks.Clone();
        var copied = new bool[blockCount];
        foreach (int row in rows)
        {
            int b = row / BlockRows;
            if (!copied[b])
            {
                copied[b] = true;
                int first = b * BlockRows, count = Math.Min(BlockRows, Rows - first);
                blocks[b] = blocks[b] is { } existing ? (float[])existing.Clone() : _values.AsSpan(first * columns, count * columns).ToArray();
            }
            var span = blocks[b]!.AsSpan(row % BlockRows * columns, columns);
            span.Clear();
            write(row, span);
        }
        return new FeatureMatrix(this, blocks);
    }

    public delegate void RowWriter(int row, Span<float> values);
}
