namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Replaces NaN by a per-column value below everything observed in that column. FastTree silently drops training
/// rows that contain a NaN feature, so missing values cannot be passed through; a sentinel below the minimum still
/// lets a tree split "missing" off from every real value. The sentinels depend on feature values only, never on
/// labels.
/// </summary>
internal static class MissingValueSentinels
{
    public static void Apply(float[] values, int rows, int columns, int firstColumn, int endColumn)
    {
        for (int c = firstColumn; c < endColumn; c++)
        {
            bool anyMissing = false;
            double min = double.PositiveInfinity;
            for (int r = 0; r < rows; r++)
            {
                float x = values[r * columns + c];
                if (float.IsNaN(x)) anyMissing = true;
                else if (x < min) min = x;
            }
            if (!anyMissing) continue;
            // Subtracting at least |min| keeps the sentinel distinct from min even where float spacing is coarse.
            float sentinel = double.IsPositiveInfinity(min) ? 0f : (float)(min - Math.Max(1.0, Math.Abs(min)));
            for (int r = 0; r < rows; r++)
            {
                if (float.IsNaN(values[r * columns + c])) values[r * columns + c] = sentinel;
            }
        }
    }
}
