using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Anvil.Core.Entities.Tagging;

/// <summary>
/// The trained weights of the name tagger: for each feature key, one weight per tag (8-bit, times a
/// common scale), plus tag-to-tag and first-tag weights. On load they go into an open-addressing table
/// of 16-byte slots (32 bits of the key's hash, then its 11 weights), four to a cache line, so scoring a
/// character costs about one memory access per feature. The slot's position holds 18 or more further bits
/// of the hash, so a feature the model lacks passes for one it has about once in 2^50 probes.
/// Single characters have 16-byte rows of the same layout, so every feature's weights are added as one
/// 16-byte vector (the scalar loop over the tags was most of the tagger's time).
/// Read-only after loading and safe to share across threads.
/// </summary>
public sealed class NameTaggerModel
{
    public const string Magic = "ANVILNER";
    private const int T = NameTags.Count;

    private const int SlotBytes = 16;

    private readonly byte[] _slots;     // per slot: uint fingerprint (0 = empty), then T weights, one spare byte
    private readonly ushort[] _charIds = new ushort[char.MaxValue + 1]; // 0: the model knows nothing of the character
    private readonly byte[] _charWeights; // single characters at offsets -2..+2, dense: a slot-like row at (id * 5 + offset + 2) * SlotBytes
    private readonly int _mask;
    private readonly int _shift;
    private readonly float _scale;
    private readonly float[] _transitions;
    private readonly float[] _start;

    public NameTaggerModel(ReadOnlySpan<ulong> keys, ReadOnlySpan<sbyte> weights, float scale, float[] transitions, float[] start, string header)
    {
        if (weights.Length != keys.Length * T || transitions.Length != T * T || start.Length != T)
        {
            throw new ArgumentException("weights, transitions and start do not fit the tags");
        }

        // single characters are a dense table (the commonest features, and cheaper without hashing)
        int ids = 0;
        foreach (ulong key in keys)
        {
            if (NameFeatures.IsCharacterTemplate(key, out _, out char c) && _charIds[c] == 0)
            {
                _charIds[c] = (ushort)++ids;
            }
        }

        _charWeights = new byte[(ids + 1) * 5 * SlotBytes];
        int hashed = 0;
        for (int k = 0; k < keys.Length; k++)
        {
            if (NameFeatures.IsCharacterTemplate(keys[k], out int offset, out char c))
            {
                MemoryMarshal.AsBytes(weights.Slice(k * T, T)).CopyTo(_charWeights.AsSpan((((_charIds[c] * 5) + offset + 2) * SlotBytes) + 4, T));
            }
            else
            {
                hashed++;
            }
        }

        int capacity = 1;
        while (capacity < hashed * 2)
        {
            capacity <<= 1;
        }

        _slots = new byte[capacity * SlotBytes];
        _mask = capacity - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        for (int k = 0; k < keys.Length; k++)
        {
            if (NameFeatures.IsCharacterTemplate(keys[k], out _, out _))
            {
                continue;
            }

            ulong h = Mix(keys[k]);
            int slot = (int)(h >> _shift);
            while (Fingerprint(slot) != 0)
            {
                slot = (slot + 1) & _mask;
            }

            MemoryMarshal.Write(_slots.AsSpan(slot * SlotBytes), FingerprintOf(h));
            MemoryMarshal.AsBytes(weights.Slice(k * T, T)).CopyTo(_slots.AsSpan((slot * SlotBytes) + 4, T));
        }

        _scale = scale;
        _transitions = transitions;
        _start = start;
        Header = header;
        FeatureCount = keys.Length;
    }

    /// <summary>
    /// How much the character alone (at offset 0) favours beginning a name over standing outside one:
    /// the best B- weight less the O weight, in score units. A cheap first look at a stretch of text.
    /// </summary>
    public float BeginScore(char c)
    {
        int id = _charIds[c];
        if (id == 0)
        {
            return float.NegativeInfinity;
        }

        var w = MemoryMarshal.Cast<byte, sbyte>(_charWeights.AsSpan((((id * 5) + 2) * SlotBytes) + 4, T));
        int best = int.MinValue;
        for (int k = 1; k <= NameTags.KindCount; k++)
        {
            best = Math.Max(best, w[NameTags.Begin((NameKind)k)]);
        }

        return (best - w[NameTags.Outside]) * _scale;
    }

    /// <summary>
    /// How much two adjoining characters, each alone, favour opening a name of one kind over standing outside
    /// one: the best over the kinds of (B- less O) for the first and (I- less O) for the second, in score
    /// units. Two lookups in the dense table: a cheap first look at where a name may stand.
    /// </summary>
    public float PairScore(char first, char second)
    {
        int a = _charIds[first], b = _charIds[second];
        if (a == 0 || b == 0)
        {
            return float.NegativeInfinity;
        }

        var x = MemoryMarshal.Cast<byte, sbyte>(_charWeights.AsSpan((((a * 5) + 2) * SlotBytes) + 4, T));
        var y = MemoryMarshal.Cast<byte, sbyte>(_charWeights.AsSpan((((b * 5) + 2) * SlotBytes) + 4, T));
        int best = int.MinValue;
        for (int k = 1; k <= NameTags.KindCount; k++)
        {
            best = Math.Max(best, x[NameTags.Begin((NameKind)k)] + y[NameTags.Inside((NameKind)k)]);
        }

        return (best - x[NameTags.Outside] - y[NameTags.Outside]) * _scale;
    }

    /// <summary>What the model was trained on, with sources and licences.</summary>
    public string Header { get; }

    public int FeatureCount { get; }

    public ReadOnlySpan<float> Transitions => _transitions;

    public ReadOnlySpan<float> Start => _start;

    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    private static uint FingerprintOf(ulong mixed) => (uint)mixed | 1;

    private uint Fingerprint(int slot) => MemoryMarshal.Read<uint>(_slots.AsSpan(slot * SlotBytes, 4));

    /// <summary>Adds every known feature's weights to its character's row of <paramref name="emissions"/>.</summary>
    /// <param name="perPosition">features per character, at most 255: their 8-bit weights are summed in 16 bits</param>
    public void Score(ReadOnlySpan<ulong> features, int perPosition, Span<float> emissions)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPosition, 255);
        int n = features.Length / perPosition;
        Span<short> lanes = stackalloc short[SlotBytes];
        for (int i = 0; i < n; i++)
        {
            // a row's 16 bytes widen to 16 shorts in two vectors; lanes 4 to 14 are the tags' weights, the
            // fingerprint's lanes add up to nothing used
            var low = Vector128<short>.Zero;
            var high = Vector128<short>.Zero;
            foreach (ulong key in features.Slice(i * perPosition, perPosition))
            {
                ReadOnlySpan<byte> row;
                if (NameFeatures.IsCharacterTemplate(key, out int offset, out char c))
                {
                    int id = _charIds[c];
                    if (id == 0)
                    {
                        continue;
                    }

                    row = _charWeights.AsSpan(((id * 5) + offset + 2) * SlotBytes, SlotBytes);
                }
                else
                {
                    int slot = SlotOf(key);
                    if (slot < 0)
                    {
                        continue;
                    }

                    row = _slots.AsSpan(slot * SlotBytes, SlotBytes);
                }

                var (lo, hi) = Vector128.Widen(Vector128.Create(MemoryMarshal.Cast<byte, sbyte>(row)));
                low += lo;
                high += hi;
            }

            low.CopyTo(lanes);
            high.CopyTo(lanes[8..]);
            var emission = emissions.Slice(i * T, T);
            for (int t = 0; t < T; t++)
            {
                emission[t] = lanes[4 + t] * _scale;
            }
        }
    }

    /// <summary>The slot of a hashed feature's weights, or -1 when the model lacks it.</summary>
    private int SlotOf(ulong key)
    {
        ulong h = Mix(key);
        uint fingerprint = FingerprintOf(h);
        int slot = (int)(h >> _shift);
        while (true)
        {
            uint f = Fingerprint(slot);
            if (f == fingerprint)
            {
                return slot;
            }

            if (f == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    public static NameTaggerModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException("E0102: not an Anvil name tagger model");
        }

        string header = reader.ReadString();
        int featureVersion = reader.ReadInt32();
        if (featureVersion != NameFeatures.Version)
        {
            throw new InvalidDataException($"E0103: the name tagger model was trained on features version {featureVersion}, Anvil computes version {NameFeatures.Version}: retrain it (src/Anvil.Data/scripts/train-name-tagger.sh)");
        }

        int tags = reader.ReadInt32();
        if (tags != T)
        {
            throw new InvalidDataException($"E0104: the name tagger model has {tags} tags, Anvil knows {T}");
        }

        float scale = reader.ReadSingle();
        var transitions = ReadFloats(reader, T * T);
        var start = ReadFloats(reader, T);
        int count = reader.ReadInt32();
        var keys = new ulong[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        var weights = new sbyte[count * T];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return new NameTaggerModel(keys, weights, scale, transitions, start, header);
    }

    /// <summary>Writes a model in the form <see cref="Read"/> takes.</summary>
    public static void Write(Stream stream, string header, float scale, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start,
        ReadOnlySpan<ulong> keys, ReadOnlySpan<sbyte> weights)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(header);
        writer.Write(NameFeatures.Version);
        writer.Write(T);
        writer.Write(scale);
        foreach (float f in transitions)
        {
            writer.Write(f);
        }

        foreach (float f in start)
        {
            writer.Write(f);
        }

        writer.Write(keys.Length);
        writer.Write(MemoryMarshal.AsBytes(keys));
        writer.Write(MemoryMarshal.AsBytes(weights));
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = reader.ReadSingle();
        }

        return values;
    }
}
