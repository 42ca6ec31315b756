namespace RiskGraph.Training.Synthetic;

/// <summary>The generation phases, each with its own random stream.</summary>
internal enum RandomStream
{
    Layout = 1,
    Attributes,
    Risk,
    People,
    Supply,
    Guarantees,
    Records,
    Labels,
    Names,
    Commitments,
}

/// <summary>
/// Derives one <see cref="Random"/> per phase from the single user seed. Separate streams keep the phases
/// independent: a change in how one phase draws does not shift the data of every later phase.
/// Seeded <see cref="Random"/> uses a fixed algorithm, so the same seed gives the same sequence on every run.
/// </summary>
internal static class SeedStreams
{
    public static Random Create(int seed, RandomStream stream)
    {
        unchecked
        {
            // SplitMix64 finaliser: neighbouring seeds and stream numbers land far apart in the 31-bit seed space.
            ulong z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return new Random((int)(z & 0x7FFF_FFFF));
        }
    }
}
