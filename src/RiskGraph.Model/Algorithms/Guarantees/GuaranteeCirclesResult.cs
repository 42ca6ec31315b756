
namespace RiskGraph.Model.Algorithms.Guarantees;

/// <summary>
/// Guarantee circles (strongly connected components of two or more enterprises over guarantee edges) and the
/// guarantee motifs of every enterprise. Circle c's members are CircleMembers[CircleOffsets[c]..CircleOffsets[c+1]-1],
/// ascending; the per-circle arrays are indexed by c, the per-enterprise arrays by enterprise id.
/// </summary>
/// <param name="CircleOf">The circle of each enterprise, -1 when it is in none.</param>
/// <param name="TotalAmount">Sum of the guaranteed amounts on guarantees between members.</param>
/// <param name="LargestAmount">The largest single guarantee between members.</param>
/// <param name="NegativeMembers">Members with a negative record.</param>
/// <param name="MutualPairs">Pairs of members that guarantee each other.</param>
/// <param name="Triangles">Guarantee triangles whose three enterprises are all members.</param>
/// <param name="Contagion">The circle's contagion score: its members' mean stress after the contagion rounds, in [0, 1].</param>
/// <param name="MutualPartners">Per enterprise: enterprises it guarantees that also guarantee it.</param>
/// <param name="TrianglesOf">Per enterprise: guarantee triangles it is part of.</param>
/// <param name="Stress">Per enterprise: default stress after the contagion rounds (see <c>GuaranteeContagion</c>).</param>
public sealed record GuaranteeCirclesResult(
    int[] CircleOf, int[] CircleOffsets, int[] CircleMembers,
    double[] TotalAmount, double[] LargestAmount, int[] NegativeMembers, int[] MutualPairs, int[] Triangles, double[] Contagion,
    int[] MutualPartners, int[] TrianglesOf, double[] Stress, int Rounds)
{
    public static GuaranteeCirclesResult Empty { get; } = new([], [0], [], [], [], [], [], [], [], [], [], [], 0);

    public int CircleCount => CircleOffsets.Length - 1;

    public int SizeOf(int circle) => CircleOffsets[circle + 1] - CircleOffsets[circle];

    public ReadOnlySpan<int> MembersOf(int circle) => CircleMembers.AsSpan(CircleOffsets[circle], SizeOf(circle));

    /// <summary>Share of the circle's members with a negative record.</summary>
    public double NegativeShare(int circle) => (double)NegativeMembers[circle] / SizeOf(circle);
}
