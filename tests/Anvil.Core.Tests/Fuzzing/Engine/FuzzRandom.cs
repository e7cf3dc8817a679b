namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// A small deterministic random source (SplitMix64): the same seed gives the same inputs on every machine and
/// .NET version, so input number <c>i</c> of a run can be made again from the run's seed alone.
/// </summary>
internal sealed class FuzzRandom
{
    private ulong _state;

    public FuzzRandom(ulong seed)
    {
        _state = seed;
    }

    /// <summary>The random source of input <paramref name="index"/> of the run with seed <paramref name="runSeed"/>.</summary>
    public static FuzzRandom ForInput(ulong runSeed, long index) => new(Mix(runSeed ^ Mix((ulong)index + 0x632BE59BD9B4E019UL)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A number in [0, max); 0 when max is 0 or less.</summary>
    public int Next(int max) => max <= 0 ? 0 : (int)(NextUInt64() % (ulong)max);

    /// <summary>A number in [min, max).</summary>
    public int Next(int min, int max) => max <= min ? min : min + Next(max - min);

    /// <summary>True with probability 1/n.</summary>
    public bool OneIn(int n) => Next(n) == 0;

    public bool Chance(double p) => NextDouble() < p;

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A length skewed towards small values: most inputs are short, a few are long.</summary>
    public int SkewedLength(int max)
    {
        int bits = Next(1, 1 + (int)Math.Log2(Math.Max(2, max)));
        return Math.Min(max, Next(1 << bits));
    }

    public void NextBytes(Span<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)NextUInt64();
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
