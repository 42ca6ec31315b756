namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>One bin of a reliability curve: how many predictions fell in it, their mean, and the observed positive rate.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);

/// <summary>
/// Ranking and calibration metrics computed by hand from probabilities and labels, so pooled out-of-fold
/// predictions and single folds are measured the same way and the curves match the numbers. Equal scores are
/// treated as one threshold (never split by chance); where an order is needed, ties go to the lower row index.
/// </summary>
public static class BinaryMetrics
{
    /// <summary>Area under the ROC curve; ties count half, as in the Mann-Whitney statistic.</summary>
    public static double Auc(float[] scores, bool[] positive)
    {
        var (p, n) = Counts(positive);
        if (p == 0 || n == 0) return double.NaN;
        double area = 0, positivesAbove = 0;
        foreach (var (groupPositives, groupNegatives) in Groups(scores, positive))
        {
            area += groupNegatives * (positivesAbove + 0.5 * groupPositives);
            positivesAbove += groupPositives;
        }
        return area / ((double)p * n);
    }

    /// <summary>Area under the precision-recall curve as average precision: precision at each threshold weighted by the recall it adds.</summary>
    public static double AveragePrecision(float[] scores, bool[] positive)
    {
        var (p, _) = Counts(positive);
        if (p == 0) return double.NaN;
        double ap = 0;
        int tp = 0, fp = 0;
        foreach (var (groupPositives, groupNegatives) in Groups(scores, positive))
        {
            tp += groupPositives;
            fp += groupNegatives;
            if (groupPositives > 0) ap += (double)groupPositives / p * tp / (tp + fp);
        }
        return ap;
    }

    /// <summary>Mean squared difference between the predicted probability and the 0/1 outcome.</summary>
    public static double Brier(float[] probability, bool[] positive)
    {
        if (probability.Length == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < probability.Length; i++)
        {
            double error = probability[i] - (positive[i] ? 1.0 : 0.0);
            sum += error * error;
        }
        return sum / probability.Length;
    }

    /// <summary>Share of positives among the top ceil(fraction × n) scores (at least one).</summary>
    public static double PrecisionAtTop(float[] scores, bool[] positive, double fraction)
    {
        if (scores.Length == 0) return double.NaN;
        int take = Math.Min(scores.Length, Math.Max(1, (int)Math.Ceiling(scores.Length * fraction)));
        int[] order = DescendingOrder(scores);
        int hits = 0;
        for (int i = 0; i < take; i++) hits += positive[order[i]] ? 1 : 0;
        return (double)hits / take;
    }

    /// <summary>ROC points (false positive rate, true positive rate) from (0, 0) to (1, 1), one per distinct score.</summary>
    public static (double[] FalsePositiveRate, double[] TruePositiveRate) RocCurve(float[] scores, bool[] positive)
    {
        var (p, n) = Counts(positive);
        var fpr = new List<double> { 0 };
        var tpr = new List<double> { 0 };
        int tp = 0, fp = 0;
        foreach (var (groupPositives, groupNegatives) in Groups(scores, positive))
        {
            tp += groupPositives;
            fp += groupNegatives;
            fpr.Add(n == 0 ? 0 : (double)fp / n);
            tpr.Add(p == 0 ? 0 : (double)tp / p);
        }
        return (fpr.ToArray(), tpr.ToArray());
    }

    /// <summary>Precision-recall points, one per distinct score, starting at recall 0 with the first threshold's precision.</summary>
    public static (double[] Recall, double[] Precision) PrecisionRecallCurve(float[] scores, bool[] positive)
    {
        var (p, _) = Counts(positive);
        var recall = new List<double>();
        var precision = new List<double>();
        int tp = 0, fp = 0;
        foreach (var (groupPositives, groupNegatives) in Groups(scores, positive))
        {
            tp += groupPositives;
            fp += groupNegatives;
            if (recall.Count == 0)
            {
                recall.Add(0);
                precision.Add((double)tp / (tp + fp));
            }
            recall.Add(p == 0 ? 0 : (double)tp / p);
            precision.Add((double)tp / (tp + fp));
        }
        return (recall.ToArray(), precision.ToArray());
    }

    /// <summary>Equal-width probability bins over [0, 1]; empty bins have NaN means.</summary>
    public static ReliabilityBin[] Reliability(float[] probability, bool[] positive, int bins = 10)
    {
        var count = new int[bins];
        var predicted = new double[bins];
        var observed = new double[bins];
        for (int i = 0; i < probability.Length; i++)
        {
            int b = Math.Clamp((int)(probability[i] * bins), 0, bins - 1);
            count[b]++;
            predicted[b] += probability[i];
            observed[b] += positive[i] ? 1 : 0;
        }
        return Enumerable.Range(0, bins).Select(b => new ReliabilityBin(
            (double)b / bins, (double)(b + 1) / bins, count[b],
            count[b] == 0 ? double.NaN : predicted[b] / count[b],
            count[b] == 0 ? double.NaN : observed[b] / count[b])).ToArray();
    }

    /// <summary>Indexes by descending score, ties by ascending index, so every ordering is reproducible.</summary>
    private static int[] DescendingOrder(float[] scores)
    {
        int[] order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(order, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>Positives and negatives of each distinct score, from the highest score down.</summary>
    private static IEnumerable<(int Positives, int Negatives)> Groups(float[] scores, bool[] positive)
    {
        int[] order = DescendingOrder(scores);
        for (int i = 0; i < order.Length;)
        {
            int positives = 0, negatives = 0, j = i;
            for (; j < order.Length && scores[order[j]] == scores[order[i]]; j++)
            {
                if (positive[order[j]]) positives++;
                else negatives++;
            }
            yield return (positives, negatives);
            i = j;
        }
    }

    private static (int Positives, int Negatives) Counts(bool[] positive)
    {
        int p = positive.Count(x => x);
        return (p, positive.Length - p);
    }
}
