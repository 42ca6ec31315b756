
namespace RiskGraph.Model.Algorithms.Ownership;

/// <summary>
/// Conglomerates (系族): enterprises grouped under their top controller. Group g's members are
/// Members[Offsets[g]..Offsets[g+1]-1], ascending; groups are numbered largest first, ties by controller id.
/// </summary>
/// <param name="GroupOf">Per enterprise: its group, -1 when in none of at least MinSize.</param>
/// <param name="Controller">Per group: the top controller's node id (a person or an enterprise).</param>
/// <param name="ControlledBy">Per enterprise: its immediate controller's node id, -1 when nobody controls it.</param>
/// <param name="Depth">Per enterprise: control links from its top controller down to it (0 for the controller itself).</param>
/// <param name="TotalCapital">Per group: registered capital of the members, CNY.</param>
/// <param name="NegativeMembers">Per group: members with a negative record.</param>
/// <param name="InternalGuarantees">Per group: guarantees between members, and their amount.</param>
/// <param name="InternalSupplyLinks">Per group: supply links between members, and their annual amount.</param>
public sealed record ConglomerateGroupsResult(
    int[] GroupOf, int[] Offsets, int[] Members, int[] Controller, int[] ControlledBy, int[] Depth,
    double[] TotalCapital, int[] NegativeMembers, int[] InternalGuarantees, double[] InternalGuaranteeAmount,
    int[] InternalSupplyLinks, double[] InternalSupplyAmount)
{
    public static ConglomerateGroupsResult Empty { get; } = new([], [0], [], [], [], [], [], [], [], [], [], []);

    public int GroupCount => Offsets.Length - 1;

    public int SizeOf(int group) => Offsets[group + 1] - Offsets[group];

    public ReadOnlySpan<int> MembersOf(int group) => Members.AsSpan(Offsets[group], SizeOf(group));

    public double NegativeShare(int group) => (double)NegativeMembers[group] / SizeOf(group);

    /// <summary>The group whose top controller is <paramref name="node"/>, or -1.</summary>
    public int GroupOfController(int node)
    {
        for (int g = 0; g < Controller.Length; g++)
            if (Controller[g] == node) return g;
        return -1;
    }
}
