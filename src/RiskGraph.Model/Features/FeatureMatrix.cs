namespace RiskGraph.Model.Features;

/// <summary>
/// Features of every enterprise, row-major: row i is enterprise id i. Built as one flat array; a live service's
/// in-place updates (<see cref="WithRows"/>) give each rewritten row its own array, reached through a block of
/// <see cref="BlockRows"/> row references, so a change copies the rows it touches and their blocks' references —
/// kilobytes even when a batch touches rows all over the matrix — and the previous matrix stays valid for the
/// requests still reading it. The next full build is flat again.
/// </summary>
public sealed class FeatureMatrix
{
    public const int BlockRows = 1 << BlockShift;
    private const int BlockShift = 7;

    private readonly float[] _values;
    // Per block of rows, the rewritten rows' own arrays (null where the flat array still holds the row), or null
    // where no row of the block was rewritten.
    private readonly float[]?[]?[]? _rewritten;

    public FeatureMatrix(FeatureSchema schema, int rows, float[] values)
    {
        Schema = schema;
        Rows = rows;
        _values = values.Length == rows * schema.Count
            ? values
            : throw new ArgumentException("The value array does not match rows x columns.", nameof(values));
    }

    private FeatureMatrix(FeatureMatrix previous, float[]?[]?[] rewritten)
    {
        (Schema, Rows, _values, _rewritten) = (previous.Schema, previous.Rows, previous._values, rewritten);
    }

    public FeatureSchema Schema { get; }

    public int Rows { get; }

    public int Columns => Schema.Count;

    /// <summary>Every value in one flat array (a copy when rows were replaced in place).</summary>
    public float[] Values
    {
        get
        {
            if (_rewritten is null) return _values;
            var flat = (float[])_values.Clone();
            for (int b = 0; b < _rewritten.Length; b++)
            {
                if (_rewritten[b] is not { } block) continue;
                for (int r = 0; r < block.Length; r++) block[r]?.CopyTo(flat, ((b << BlockShift) + r) * Columns);
            }
            return flat;
        }
    }

    public ReadOnlySpan<float> Row(int row)
    {
        if (_rewritten?[row >> BlockShift]?[row & (BlockRows - 1)] is { } own) return own;
        return _values.AsSpan(row * Columns, Columns);
    }

    public float this[int row, int column] => Row(row)[column];

    /// <summary>
    /// A matrix equal to this one except for <paramref name="rows"/>, which <paramref name="write"/> fills (the span
    /// it gets is cleared first). Rows and blocks it does not write are shared with this matrix.
    /// </summary>
    public FeatureMatrix WithRows(ReadOnlySpan<int> rows, RowWriter write)
    {
        int columns = Columns, blockCount = (Rows + BlockRows - 1) >> BlockShift;
        var blocks = _rewritten is null ? new float[]?[]?[blockCount] : (float[]?[]?[])_rewritten.Clone();
        foreach (int row in rows)
        {
            int b = row >> BlockShift;
            var block = blocks[b];
            if (block is null) blocks[b] = block = new float[]?[BlockRows];
            else if (ReferenceEquals(block, _rewritten?[b])) blocks[b] = block = (float[]?[])block.Clone();
            var values = new float[columns];
            write(row, values);
            block[row & (BlockRows - 1)] = values;
        }
        return new FeatureMatrix(this, blocks);
    }

    public delegate void RowWriter(int row, Span<float> values);
}
