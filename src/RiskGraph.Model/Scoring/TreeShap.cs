using Microsoft.ML.Trainers.FastTree;
using RiskGraph.Model.Features;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// Exact Shapley values of a boosted-tree score (TreeSHAP, Lundberg, Erion and Lee, "Consistent individualized
/// feature attribution for tree ensembles", algorithm 2): the value of a feature set S is the expected tree output
/// when the features in S are fixed at the example's values and the others follow the background data through the
/// splits (cover-weighted). Every feature gets its average marginal contribution over all orders in polynomial time,
/// O(trees · leaves · depth²). Unlike a root-to-leaf path attribution it is consistent and does not favour splits near
/// the root; a feature whose value sends the example towards lower-risk leaves gets a negative value.
/// Bias + Σ contributions = raw score exactly. Immutable and thread-safe once built; scratch is per thread.
/// </summary>
public sealed class TreeShap
{
    [ThreadStatic] private static PathElement[]? _scratch;

    private readonly TreeArrays[] _trees;
    private readonly double[] _treeWeights;
    private readonly double _ensembleBias;
    private readonly int _scratchLength;

    /// <param name="sample">Background rows (e.g. the snapshot's features) whose routing through each split gives its covers.</param>
    public TreeShap(TreeEnsembleModelParametersBasedOnRegressionTree model, FeatureMatrix sample, int sampleColumns, int maxSampleRows = 20_000)
    {
        var ensemble = model.TrainedTreeEnsemble;
        FeatureCount = sampleColumns;
        _treeWeights = ensemble.TreeWeights.ToArray();
        _trees = ensemble.Trees.Select(t => new TreeArrays(t)).ToArray();
        _ensembleBias = ensemble.Bias;
        int step = Math.Max(1, sample.Rows / maxSampleRows);
        var features = new float[sampleColumns];
        for (int row = 0; row < sample.Rows; row += step)
        {
            sample.Row(row)[..sampleColumns].CopyTo(features);
            foreach (var tree in _trees) tree.Cover[tree.NodeCount + tree.LeafOf(features)]++;
        }
        double bias = _ensembleBias;
        int depth = 0;
        for (int t = 0; t < _trees.Length; t++)
        {
            _trees[t].Finish();
            bias += _treeWeights[t] * _trees[t].Expectation;
            depth = Math.Max(depth, _trees[t].Depth);
        }
        Bias = bias;
        // Path levels 0..depth+1 (the root's empty element included) hold 1, 2, ... elements each.
        _scratchLength = (depth + 2) * (depth + 3) / 2;
    }

    public int FeatureCount { get; }

    /// <summary>The expected raw score over the background data: what the contributions start from.</summary>
    public double Bias { get; }

    /// <summary>Fills <paramref name="contributions"/> (one Shapley value per feature) and returns the raw score.</summary>
    public double Explain(ReadOnlySpan<float> features, Span<double> contributions)
    {
        if (contributions.Length != FeatureCount) throw new ArgumentException("One contribution slot per feature expected.", nameof(contributions));
        contributions.Clear();
        var scratch = _scratch;
        if (scratch is null || scratch.Length < _scratchLength) _scratch = scratch = new PathElement[_scratchLength];
        double score = _ensembleBias;
        for (int t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            score += _treeWeights[t] * tree.Predict(features);
            if (tree.NodeCount == 0) continue;
            var walk = new Walk(tree, features, contributions, scratch, _treeWeights[t]);
            walk.Recurse(0, 0, 0, 1, 1, -1);
        }
        return score;
    }

    private struct PathElement
    {
        public int Feature;
        public double Zero; // share of background paths that take this branch when the feature is not fixed
        public double One;  // 1 when the example itself takes this branch, else 0
        public double Weight; // permutation weight of subsets of this size
    }

    private readonly ref struct Walk(TreeArrays tree, ReadOnlySpan<float> features, Span<double> phi, Span<PathElement> path, double scale)
    {
        private readonly TreeArrays _tree = tree;
        private readonly ReadOnlySpan<float> _features = features;
        private readonly Span<double> _phi = phi;
        private readonly Span<PathElement> _path = path;
        private readonly double _scale = scale;

        /// <param name="parentStart">Where the parent's path begins in the scratch.</param>
        /// <param name="parentCount">Elements in the parent's path.</param>
        public void Recurse(int slot, int parentStart, int parentCount, double zero, double one, int feature)
        {
            int start = parentStart + parentCount;
            var path = _path.Slice(start, parentCount + 1);
            _path.Slice(parentStart, parentCount).CopyTo(path);
            Extend(path, parentCount, zero, one, feature);
            int last = parentCount;
            if (slot >= _tree.NodeCount)
            {
                double value = _tree.LeafValue(slot) * _scale;
                for (int i = 1; i <= last; i++)
                {
                    double w = UnwoundSum(path, last, i);
                    _phi[path[i].Feature] += w * (path[i].One - path[i].Zero) * value;
                }
                return;
            }
            int split = _tree.FeatureOf(slot);
            int left = _tree.LeftSlot(slot), right = _tree.RightSlot(slot);
            int hot = _tree.ChildOf(slot, _features);
            int cold = hot == left ? right : left;
            double hotShare = hot == left ? _tree.LeftShare[slot] : _tree.RightShare[slot];
            double coldShare = hot == left ? _tree.RightShare[slot] : _tree.LeftShare[slot];
            double incomingZero = 1, incomingOne = 1;
            // A feature split on twice along the path is one player: take it out and re-enter it with both conditions.
            for (int k = 1; k <= last; k++)
            {
                if (path[k].Feature != split) continue;
                incomingZero = path[k].Zero;
                incomingOne = path[k].One;
                Unwind(path, last, k);
                last--;
                break;
            }
            Recurse(hot, start, last + 1, hotShare * incomingZero, incomingOne, split);
            Recurse(cold, start, last + 1, coldShare * incomingZero, 0, split);
        }

        // Adds one element at index `count` and updates the permutation weights of every subset size.
        private static void Extend(Span<PathElement> path, int count, double zero, double one, int feature)
        {
            path[count] = new PathElement { Feature = feature, Zero = zero, One = one, Weight = count == 0 ? 1 : 0 };
            for (int i = count - 1; i >= 0; i--)
            {
                path[i + 1].Weight += one * path[i].Weight * (i + 1) / (count + 1);
                path[i].Weight = zero * path[i].Weight * (count - i) / (count + 1);
            }
        }

        // Undoes Extend for element `index` of a path whose last index is `last`.
        private static void Unwind(Span<PathElement> path, int last, int index)
        {
            double one = path[index].One, zero = path[index].Zero;
            double next = path[last].Weight;
            for (int i = last - 1; i >= 0; i--)
            {
                if (one != 0)
                {
                    double kept = path[i].Weight;
                    path[i].Weight = next * (last + 1) / ((i + 1) * one);
                    next = kept - path[i].Weight * zero * (last - i) / (last + 1);
                }
                else
                {
                    path[i].Weight = path[i].Weight * (last + 1) / (zero * (last - i));
                }
            }
            for (int i = index; i < last; i++)
            {
                path[i].Feature = path[i + 1].Feature;
                path[i].Zero = path[i + 1].Zero;
                path[i].One = path[i + 1].One;
            }
        }

        // The total weight the path would have with element `index` unwound, without changing it.
        private static double UnwoundSum(Span<PathElement> path, int last, int index)
        {
            double one = path[index].One, zero = path[index].Zero;
            double next = path[last].Weight, total = 0;
            for (int i = last - 1; i >= 0; i--)
            {
                if (one != 0)
                {
                    double w = next * (last + 1) / ((i + 1) * one);
                    total += w;
                    next = path[i].Weight - w * zero * (last - i) / (last + 1);
                }
                else
                {
                    total += path[i].Weight * (last + 1) / (zero * (last - i));
                }
            }
            return total;
        }
    }
}
