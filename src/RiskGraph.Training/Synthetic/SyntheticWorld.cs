using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>Titles in executives.csv; the CSV name is <see cref="SyntheticWorld.TitleName"/>.</summary>
internal enum ExecutiveTitle : byte
{
    Chairman,
    Director,
    GeneralManager,
    Supervisor,
    Cfo,
}

// Relation and record rows over dense ids. Persons are ids into SyntheticWorld.PersonPrefix.
internal readonly record struct ExecutiveRow(int Person, int Enterprise, ExecutiveTitle Title);

/// <summary><paramref name="Holder"/> is a person id when <paramref name="HolderIsPerson"/>, else an enterprise id; share in 1/10000.</summary>
internal readonly record struct ShareholdingRow(bool HolderIsPerson, int Holder, int Enterprise, int ShareBp);

internal readonly record struct SupplyRow(int Supplier, int Buyer, long AmountCents);

internal readonly record struct GuaranteeRow(int Guarantor, int Guaranteed, long AmountYuan);

internal readonly record struct PenaltyRow(
    int Enterprise, PenaltyKind Kind, long AmountCents, int DecisionDay, int PublicationDay, Department Department, int Sequence);

/// <summary><paramref name="ToDay"/> is -1 while the entry is in force.</summary>
internal readonly record struct ListEntryRow(int Enterprise, ListType Type, int FromDay, int ToDay, Department Department, int Sequence);

/// <summary>
/// A holding group: a pyramid of <see cref="Size"/> enterprises occupying slots
/// [<see cref="FirstSlot"/>, FirstSlot + Size). The first member is the apex.
/// </summary>
internal sealed class HoldingGroup(int firstSlot, int size, int depth, bool personController)
{
    public int FirstSlot { get; } = firstSlot;
    public int Size { get; } = size;
    public int Depth { get; } = depth;

    /// <summary>True: a natural person controls the apex. False: the apex is a holding company with dispersed owners.</summary>
    public bool PersonController { get; } = personController;

    public int HomeRegion { get; set; }
    public int CoreIndustry { get; set; }

    /// <summary>Hidden shock shared by every member: group risk is correlated beyond the explicit edges.</summary>
    public double Shock { get; set; }

    /// <summary>Controller and managers who sit on many member boards; the controller (if a person) first.</summary>
    public int[] KeyPersons { get; set; } = [];
}

/// <summary>
/// Everything generated so far, as arrays over dense enterprise ids 0..Count-1 (the row order of enterprises.csv)
/// and lists of relation rows. Enterprises are created in "slot" order (holding groups first, as contiguous
/// blocks); <see cref="SlotToId"/> is a random permutation, so group members are scattered over the file.
/// </summary>
internal sealed class SyntheticWorld
{
    public SyntheticWorld(SyntheticOptions options)
    {
        Options = options;
        Count = options.Enterprises;
        AsOfDay = options.AsOf.DayNumber;
        int n = Count;
        SlotToId = new int[n];
        Industry = new byte[n];
        Region = new byte[n];
        FoundedDay = new int[n];
        CapitalYuan = new long[n];
        Status = new EnterpriseStatus[n];
        GroupOf = new int[n];
        ParentOf = new int[n];
        Layer = new byte[n];
        Uscc = new string[n];
        OwnRisk = new double[n];
        LegalRepresentative = new int[n];
        RemainingShareBp = new int[n];
        Severity = new double[n];
        Contagion = new double[n];
        Label = new bool[n];
        Array.Fill(GroupOf, -1);
        Array.Fill(ParentOf, -1);
        Array.Fill(RemainingShareBp, 10_000);
    }

    public SyntheticOptions Options { get; }
    public int Count { get; }
    public int AsOfDay { get; }

    public int[] SlotToId { get; }
    public byte[] Industry { get; }
    public byte[] Region { get; }
    public int[] FoundedDay { get; }
    public long[] CapitalYuan { get; }
    public EnterpriseStatus[] Status { get; }

    /// <summary>Index into <see cref="Groups"/>, or -1.</summary>
    public int[] GroupOf { get; }

    /// <summary>The group member holding the controlling stake, or -1 (apex and ungrouped enterprises).</summary>
    public int[] ParentOf { get; }

    /// <summary>1 for the apex, 2 for its subsidiaries ...; 0 outside groups.</summary>
    public byte[] Layer { get; }

    public string[] Uscc { get; }

    /// <summary>Hidden own risk in logit units (never written).</summary>
    public double[] OwnRisk { get; }

    /// <summary>Score of the enterprise's own observable records and status (computed from the written rows).</summary>
    public double[] Severity { get; }

    /// <summary>Risk received from related enterprises after the spreading rounds (never written).</summary>
    public double[] Contagion { get; }

    public bool[] Label { get; }

    public int[] LegalRepresentative { get; }

    /// <summary>Share of the enterprise (1/10000) not yet held by anybody; keeps every sum at most 1.</summary>
    public int[] RemainingShareBp { get; }

    public List<HoldingGroup> Groups { get; } = [];

    /// <summary>First 17 digits of each person's ID number; the index is the person id.</summary>
    public List<long> PersonPrefix { get; } = [];

    public List<ExecutiveRow> Executives { get; } = [];
    public List<ShareholdingRow> Shareholdings { get; } = [];
    public List<SupplyRow> SupplyLinks { get; } = [];
    public List<GuaranteeRow> Guarantees { get; } = [];
    public List<PenaltyRow> Penalties { get; } = [];
    public List<ListEntryRow> ListEntries { get; } = [];

    public int PersonCount => PersonPrefix.Count;

    public double AgeYears(int id) => (AsOfDay - FoundedDay[id]) / 365.25;

    public static string TitleName(ExecutiveTitle title) => title switch
    {
        ExecutiveTitle.Chairman => "chairman",
        ExecutiveTitle.Director => "director",
        ExecutiveTitle.GeneralManager => "general_manager",
        ExecutiveTitle.Supervisor => "supervisor",
        _ => "cfo",
    };
}
