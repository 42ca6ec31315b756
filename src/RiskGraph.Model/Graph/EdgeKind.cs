using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Graph;

/// <summary>
/// Each stored relation appears twice in the CSR graph, once at each end. Its kind packs the relation type and
/// which end this is into one byte: (type &lt;&lt; 1) | 1 when the node is the relation's target.
/// </summary>
public static class EdgeKind
{
    public const int Count = RelationTypeNames.Count * 2;

    public static byte Outgoing(RelationType type) => (byte)((int)type << 1);

    public static byte Incoming(RelationType type) => (byte)(((int)type << 1) | 1);

    public static RelationType TypeOf(byte kind) => (RelationType)(kind >> 1);

    public static bool IsIncoming(byte kind) => (kind & 1) != 0;
}
