namespace RiskGraph.Model.Graph;

/// <summary>
/// External keys (USCC, person key) to dense node ids and back. Enterprises take ids 0..EnterpriseCount-1 and
/// persons the ids after them, so "is an enterprise" is one comparison in hot loops.
/// </summary>
public sealed class IdMap
{
    public const int NotFound = -1;
    private readonly string[] _keys;
    private readonly Dictionary<string, int> _ids;

    public IdMap(string[] keys, int enterpriseCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(enterpriseCount, keys.Length);
        _keys = keys;
        EnterpriseCount = enterpriseCount;
        _ids = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (int i = 0; i < keys.Length; i++)
        {
            if (!_ids.TryAdd(keys[i], i)) throw new ArgumentException($"Duplicate key {keys[i]}.", nameof(keys));
        }
    }

    public int NodeCount => _keys.Length;

    public int EnterpriseCount { get; }

    public string KeyOf(int id) => _keys[id];

    public int IdOf(string key) => _ids.TryGetValue(key, out int id) ? id : NotFound;

    public bool IsEnterprise(int id) => id < EnterpriseCount;
}
