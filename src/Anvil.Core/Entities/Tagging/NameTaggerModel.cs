using System.Runtime.InteropServices;
using System.Text;

namespace Anvil.Core.Entities.Tagging;

/// <summary>
/// The trained weights of the name tagger: for each feature key, one weight per tag (8-bit, times a
/// common scale), plus tag-to-tag and first-tag weights. Keys sit in an open-addressing table built on
/// load, their weights beside them, so scoring a character is one probe per feature.
/// Read-only after loading and safe to share across threads.
/// </summary>
public sealed class NameTaggerModel
{
    public const string Magic = "ANVILNER";
    private const int T = NameTags.Count;

    private readonly ulong[] _keys;     // 0 = empty slot
    private readonly sbyte[] _weights;  // T per slot
    private readonly int _mask;
    private readonly float _scale;
    private readonly float[] _transitions;
    private readonly float[] _start;

    public NameTaggerModel(ReadOnlySpan<ulong> keys, ReadOnlySpan<sbyte> weights, float scale, float[] transitions, float[] start, string header)
    {
        if (weights.Length != keys.Length * T || transitions.Length != T * T || start.Length != T)
        {
            throw new ArgumentException("weights, transitions and start do not fit the tags");
        }

        int capacity = 1;
        while (capacity < keys.Length * 2)
        {
            capacity <<= 1;
        }

        _keys = new ulong[capacity];
        _weights = new sbyte[capacity * T];
        _mask = capacity - 1;
        for (int k = 0; k < keys.Length; k++)
        {
            int slot = Home(keys[k]);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = keys[k];
            weights.Slice(k * T, T).CopyTo(_weights.AsSpan(slot * T, T));
        }

        _scale = scale;
        _transitions = transitions;
        _start = start;
        Header = header;
        FeatureCount = keys.Length;
    }

    /// <summary>What the model was trained on, with sources and licences.</summary>
    public string Header { get; }

    public int FeatureCount { get; }

    public ReadOnlySpan<float> Transitions => _transitions;

    public ReadOnlySpan<float> Start => _start;

    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 40) & _mask;

    /// <summary>Adds every known feature's weights to its character's row of <paramref name="emissions"/>.</summary>
    public void Score(ReadOnlySpan<ulong> features, int perPosition, Span<float> emissions)
    {
        int n = features.Length / perPosition;
        Span<int> sums = stackalloc int[T];
        for (int i = 0; i < n; i++)
        {
            sums.Clear();
            var keys = features.Slice(i * perPosition, perPosition);
            foreach (ulong key in keys)
            {
                int slot = Home(key);
                while (true)
                {
                    ulong k = _keys[slot];
                    if (k == key)
                    {
                        var w = _weights.AsSpan(slot * T, T);
                        for (int t = 0; t < T; t++)
                        {
                            sums[t] += w[t];
                        }

                        break;
                    }

                    if (k == 0)
                    {
                        break;
                    }

                    slot = (slot + 1) & _mask;
                }
            }

            var row = emissions.Slice(i * T, T);
            for (int t = 0; t < T; t++)
            {
                row[t] = sums[t] * _scale;
            }
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
