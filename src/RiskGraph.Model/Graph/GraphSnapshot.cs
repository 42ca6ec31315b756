using RiskGraph.Model.Credit;

namespace RiskGraph.Model.Graph;

/// <summary>
/// The whole graph in memory, as of one day: ids, adjacency, enterprise attributes and credit profiles.
/// Built once from a store and then only read, so any number of threads may compute on it.
/// </summary>
public sealed class GraphSnapshot(
    IdMap ids, CsrGraph graph, EnterpriseAttributes enterprises, CreditProfile credit, CreditLedger ledger, ChunkedArray<CreditClass> classes, DateOnly asOf,
    string[]? personNames = null)
{
    private readonly string[] _personNames = personNames ?? [];

    public GraphSnapshot(
        IdMap ids, CsrGraph graph, EnterpriseAttributes enterprises, CreditProfile credit, CreditLedger ledger, CreditClass[] classes, DateOnly asOf,
        string[]? personNames = null)
        : this(ids, graph, enterprises, credit, ledger, ChunkedArray<CreditClass>.From(classes), asOf, personNames)
    {
    }

    /// <summary>An enterprise's name or a person's display name (persons never by ID number).</summary>
    public string LabelOf(int node) =>
        node < Ids.EnterpriseCount ? Enterprises.Names[node]
        : node - Ids.EnterpriseCount < _personNames.Length ? _personNames[node - Ids.EnterpriseCount] : Ids.KeyOf(node);

    public IdMap Ids { get; } = ids;

    public CsrGraph Graph { get; } = graph;

    public EnterpriseAttributes Enterprises { get; } = enterprises;

    public CreditProfile Credit { get; } = credit;

    /// <summary>Every record with its derived status, for classification details, checks and audits.</summary>
    public CreditLedger Ledger { get; } = ledger;

    /// <summary>Four-class credit class per enterprise id, from published records only (chunked: a change copies its chunks only).</summary>
    public ChunkedArray<CreditClass> Classes { get; } = classes;

    /// <summary>The day the records are evaluated on: the serving clock's date, or the latest record date for offline runs.</summary>
    public DateOnly AsOf { get; } = asOf;

    public int EnterpriseCount => Ids.EnterpriseCount;

    /// <summary>
    /// This snapshot with rows written since applied to the credit records of the enterprises they touch: ledger,
    /// aggregates and classes of those enterprises are derived again, ids, graph and attributes are shared.
    /// </summary>
    /// <param name="touched">The enterprises whose records, aggregates or class may have changed, ascending.</param>
    public GraphSnapshot WithCreditChanges(CreditLedgerChanges changes, out int[] touched)
    {
        var ledger = Ledger.Patch(changes, out touched);
        var credit = Credit.With(touched, ledger, AsOf);
        var classes = Classes.With(touched, e => CreditClassifier.Classify(ledger, e).Class);
        return new GraphSnapshot(Ids, Graph, Enterprises, credit, ledger, classes, AsOf, _personNames);
    }
}
