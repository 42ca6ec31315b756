namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Picks the person who fills a role (legal representative, executive, shareholder).
/// A Yule process: with some probability a new person, otherwise somebody who already holds a role, chosen in
/// proportion to how many roles they hold (a uniform pick over the history of role assignments). That gives the
/// heavy tail of board seats: most persons on one board, some on 5-20. Reuse is mostly local (same region).
/// Ordinary persons stop attracting roles at <see cref="MaxRoles"/> (nobody really runs 100 firms), while a few
/// nominee persons (挂名代持) take a small fixed share of all roles and so sit on hundreds of boards at the
/// million-enterprise scale.
/// </summary>
internal sealed class PersonPool
{
    private const double NewPersonProbability = 0.65;
    private const double NomineeProbability = 0.004;
    private const double SameRegionReuse = 0.85;
    private const int MaxRoles = 40;

    private readonly SyntheticWorld _world;
    private readonly Random _rng;
    private readonly List<int> _history = [];
    private readonly List<int>[] _historyByRegion;
    private readonly int[] _nominees;
    private readonly HashSet<long> _usedPrefixes = [];
    private readonly List<int> _roles = [];
    private readonly HashSet<int> _nomineeSet = [];

    public PersonPool(SyntheticWorld world, Random rng)
    {
        _world = world;
        _rng = rng;
        _historyByRegion = new List<int>[RegionCatalog.All.Count];
        for (int r = 0; r < _historyByRegion.Length; r++) _historyByRegion[r] = [];
        _nominees = new int[Math.Max(2, world.Count / 20_000)];
        Array.Fill(_nominees, -1);
    }

    /// <summary>A person for a role in an enterprise registered in <paramref name="region"/>.</summary>
    public int Choose(int region)
    {
        double u = _rng.NextDouble();
        int person;
        if (u < NomineeProbability)
        {
            int slot = _rng.Next(_nominees.Length);
            if (_nominees[slot] < 0)
            {
                _nominees[slot] = CreateNew(region);
                _nomineeSet.Add(_nominees[slot]);
            }
            person = _nominees[slot];
        }
        else if (u < NomineeProbability + NewPersonProbability || _history.Count == 0)
        {
            person = CreateNew(region);
        }
        else
        {
            var local = _historyByRegion[region];
            var pool = local.Count > 0 && _rng.Chance(SameRegionReuse) ? local : _history;
            person = pool[_rng.Next(pool.Count)];
            if (_roles[person] >= MaxRoles && !_nomineeSet.Contains(person)) person = CreateNew(region);
        }
        Record(person, region);
        return person;
    }

    /// <summary>Counts a role that was filled without <see cref="Choose"/> (e.g. a group's key person), for the preferential attachment.</summary>
    public void Record(int person, int region)
    {
        _roles[person]++;
        // A saturated person is no longer added to the history; when one of their earlier entries is drawn,
        // Choose gives the role to a new person instead.
        if (_roles[person] >= MaxRoles && !_nomineeSet.Contains(person)) return;
        _history.Add(person);
        _historyByRegion[region].Add(person);
    }

    /// <summary>
    /// A new person: born 23-75 years before the observation date, mostly in the region of the enterprise,
    /// some elsewhere (other registration regions or typical migrant home counties). Business owners are mostly men.
    /// </summary>
    public int CreateNew(int region)
    {
        var asOf = _world.Options.AsOf;
        while (true)
        {
            double v = _rng.NextDouble();
            int birthplace = v < 0.78 ? RegionCatalog.All[region].CodeNumber
                : v < 0.90 ? RegionCatalog.All[RegionCatalog.RegionTable.Sample(_rng)].CodeNumber
                : RegionCatalog.MigrantBirthplaces[_rng.Next(RegionCatalog.MigrantBirthplaces.Count)];
            // Triangular age around 45: few very young or very old owners.
            double age = 23 + 26 * (_rng.NextDouble() + _rng.NextDouble());
            var birth = asOf.AddDays(-(int)(age * 365.25));
            bool male = _rng.Chance(0.7);
            int sequence = _rng.Next(500) * 2 + (male ? 1 : 0);
            long prefix = ResidentId.Compose(birthplace, birth, sequence);
            if (_usedPrefixes.Add(prefix))
            {
                _world.PersonPrefix.Add(prefix);
                _roles.Add(0);
                return _world.PersonPrefix.Count - 1;
            }
        }
    }
}
