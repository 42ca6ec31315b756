namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Lays out the holding groups: which enterprises belong to a group, the pyramid (who holds the controlling stake
/// in whom, and at which layer), and whether a person or a holding company sits on top.
/// The shares themselves are drawn later (<see cref="Ownership"/>), once persons exist.
/// </summary>
internal static class HoldingGroups
{
    /// <summary>About a fifth of all enterprises belong to a group, as in registries of larger economies.</summary>
    private const double GroupedShare = 0.22;

    /// <summary>Group sizes follow a Pareto law (most groups have 3-6 members, a few have hundreds).</summary>
    private const double SizeTailIndex = 1.5;

    private const double PersonControllerShare = 0.6;

    public static void Build(SyntheticWorld world, Random rng)
    {
        ShuffleIds(world.SlotToId, rng);

        int n = world.Count;
        int target = (int)(n * GroupedShare);
        int maxSize = Math.Clamp(n / 50, 8, 400);
        int slot = 0;
        int[] parentIndex = new int[maxSize];
        byte[] layer = new byte[maxSize];
        while (target - slot >= 3)
        {
            int size = Math.Min((int)rng.NextPareto(3, SizeTailIndex), maxSize);
            size = Math.Min(size, target - slot);
            // "2 to 5 layers deep", but a 3-member group cannot be 5 deep.
            int depth = Math.Min(rng.Between(2, 5), size);
            var group = new HoldingGroup(slot, size, depth, rng.Chance(PersonControllerShare));
            int groupIndex = world.Groups.Count;
            world.Groups.Add(group);

            LayOutPyramid(size, depth, parentIndex, layer, rng);
            for (int k = 0; k < size; k++)
            {
                int id = world.SlotToId[slot + k];
                world.GroupOf[id] = groupIndex;
                world.Layer[id] = layer[k];
                world.ParentOf[id] = k == 0 ? -1 : world.SlotToId[slot + parentIndex[k]];
            }
            slot += size;
        }
    }

    /// <summary>
    /// Member 0 is the apex (layer 1). Members 1..depth-1 form a chain so the pyramid really reaches its depth;
    /// every further member hangs under a random earlier member, moved up while that would exceed the depth.
    /// A random recursive tree like this is bushy near the top, as real groups are.
    /// </summary>
    private static void LayOutPyramid(int size, int depth, int[] parentIndex, byte[] layer, Random rng)
    {
        parentIndex[0] = -1;
        layer[0] = 1;
        for (int k = 1; k < size; k++)
        {
            int parent = k < depth ? k - 1 : rng.Next(k);
            while (layer[parent] >= depth) parent = parentIndex[parent];
            parentIndex[k] = parent;
            layer[k] = (byte)(layer[parent] + 1);
        }
    }

    /// <summary>Fisher-Yates over 0..n-1: slot order (groups first) and file order are unrelated.</summary>
    private static void ShuffleIds(int[] slotToId, Random rng)
    {
        for (int i = 0; i < slotToId.Length; i++) slotToId[i] = i;
        for (int i = slotToId.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (slotToId[i], slotToId[j]) = (slotToId[j], slotToId[i]);
        }
    }

    /// <summary>Enterprise id of member <paramref name="k"/> of a group.</summary>
    public static int Member(this SyntheticWorld world, HoldingGroup group, int k) => world.SlotToId[group.FirstSlot + k];
}
