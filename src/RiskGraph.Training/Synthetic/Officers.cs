namespace RiskGraph.Training.Synthetic;

/// <summary>
/// The persons connected with one enterprise while it is being built, so that nobody gets two titles in the same
/// company and the shareholders can be drawn from the officers (founders usually run their own firm).
/// </summary>
internal sealed class EnterpriseCast
{
    private readonly int[] _officers = new int[4];
    private readonly List<int> _everyone = [];
    private readonly List<int> _holders = [];

    public int OfficerCount { get; private set; }

    public int Officer(int index) => _officers[index];

    public void Reset()
    {
        OfficerCount = 0;
        _everyone.Clear();
        _holders.Clear();
    }

    public bool Contains(int person) => _everyone.Contains(person);

    public void AddOfficer(int person)
    {
        _officers[OfficerCount++] = person;
        _everyone.Add(person);
    }

    /// <summary>True when the person already holds shares: one shareholding row per holder and enterprise.</summary>
    public bool IsHolder(int person) => _holders.Contains(person);

    public void AddHolder(int person)
    {
        _holders.Add(person);
        if (!_everyone.Contains(person)) _everyone.Add(person);
    }
}

/// <summary>
/// Legal representative and 1-4 executives per enterprise. Inside a holding group half of the seats go to the
/// group's key persons, which is what links group members through shared executives.
/// </summary>
internal static class Officers
{
    private static readonly ExecutiveTitle[][] TitleSets =
    [
        [ExecutiveTitle.GeneralManager],
        [ExecutiveTitle.GeneralManager, ExecutiveTitle.Supervisor],
        [ExecutiveTitle.Chairman, ExecutiveTitle.GeneralManager, ExecutiveTitle.Supervisor],
        [ExecutiveTitle.Chairman, ExecutiveTitle.GeneralManager, ExecutiveTitle.Supervisor, ExecutiveTitle.Cfo],
        [ExecutiveTitle.Chairman, ExecutiveTitle.Director, ExecutiveTitle.Supervisor, ExecutiveTitle.Cfo],
    ];

    /// <summary>Small firms have an executive director-manager and a supervisor; group firms have full boards more often.</summary>
    private static readonly WeightedTable UngroupedTitleSets = new([0.25, 0.40, 0.20, 0.08, 0.07]);
    private static readonly WeightedTable GroupTitleSets = new([0.0, 0.40, 0.35, 0.13, 0.12]);

    /// <param name="keyPersons">The group's key persons, empty outside groups.</param>
    /// <param name="chair">A person who must take the first seat (the controller at the apex), or -1.</param>
    public static void Assign(
        SyntheticWorld world, PersonPool pool, Random rng, int id, int[] keyPersons, int chair, EnterpriseCast cast)
    {
        int region = world.Region[id];
        var titles = TitleSets[(keyPersons.Length > 0 ? GroupTitleSets : UngroupedTitleSets).Sample(rng)];
        for (int i = 0; i < titles.Length; i++)
        {
            int person;
            if (i == 0 && chair >= 0)
            {
                person = chair;
                pool.Record(person, region);
            }
            else if (keyPersons.Length > 0 && rng.Chance(0.5))
            {
                person = keyPersons[rng.Next(keyPersons.Length)];
                if (cast.Contains(person)) person = PickDistinct(pool, region, cast);
                else pool.Record(person, region);
            }
            else
            {
                person = PickDistinct(pool, region, cast);
            }
            cast.AddOfficer(person);
            world.Executives.Add(new ExecutiveRow(person, id, titles[i]));
        }
        // Under the Company Law the legal representative is the chairman / executive director or the manager.
        bool managerSecond = titles.Length >= 3 && titles[1] == ExecutiveTitle.GeneralManager;
        world.LegalRepresentative[id] = managerSecond && rng.Chance(0.2) ? cast.Officer(1) : cast.Officer(0);
    }

    /// <summary>A person not yet in this enterprise: a few tries through the pool, then a new person.</summary>
    public static int PickDistinct(PersonPool pool, int region, EnterpriseCast cast)
    {
        for (int attempt = 0; attempt < 4; attempt++)
        {
            int person = pool.Choose(region);
            if (!cast.Contains(person)) return person;
        }
        int fresh = pool.CreateNew(region);
        pool.Record(fresh, region);
        return fresh;
    }
}
