using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace Anvil.Core.Entities.Tagging;

/// <summary>
/// The trained weights of the name tagger: for each feature key, one weight per tag (8-bit, times a
/// common scale), plus tag-to-tag and first-tag weights. On load every feature's weights become a 16-byte row
/// (4 bytes, then its 11 weights), so every feature's weights are added as one 16-byte vector (the scalar loop
/// over the tags was most of the tagger's time). Single characters and the features whose payload is a small
/// code (the bias, character classes, lexicon and cue marks, <see cref="NameFeatures.IsCodeTemplate"/>) are dense
/// tables. The rest are open-addressing tables whose entries begin with 32 bits of the key's hash; the entry's
/// position holds 16 or more further bits, so a feature the model lacks passes for one it has about once in
/// 2^48 probes. A character pair's rows under its four templates share a cache line
/// (<see cref="NameFeatures.IsPairTemplate"/>), and a bit map of the hashed features' hashes, small enough to
/// stay in cache, turns away most features the model lacks before they cost a random memory access.
/// Read-only after loading and safe to share across threads.
/// </summary>
public sealed class NameTaggerModel
{
    public const string Magic = "ANVILNR2"; // version 2: the score unit after the weights' scale
    private const int T = NameTags.Count;

    private const int SlotBytes = 16;

    /// <summary>A pair's four rows (<see cref="NameFeatures.IsPairTemplate"/>): one cache line.</summary>
    private const int LineBytes = 4 * SlotBytes;

    /// <summary>
    /// Bits of a hashed feature's hash that pick its bit in <see cref="_present"/>: 2^20 bits (128 KB, within the
    /// second-level cache) for some 50,000 hashed features, so about one in twenty features the model lacks passes
    /// for one it may have. Two thirds of the character pairs and nine tenths of the triples of news text are not in
    /// the model, and each of them cost a random access to the 5 MB of tables only to learn so.
    /// </summary>
    private const int FilterBits = 20;

    /// <summary>Positions whose rows are all found before any is summed (see <see cref="Score"/>).</summary>
    private const int Chunk = 16;

    // every row of weights is slot-like (4 bytes, then the T weights, one spare byte); in four parts: single characters
    // at offsets -2..+2 at (id * 5 + offset + 2) * SlotBytes (id 0, a character the model lacks, has rows of zeros,
    // and row 0 stands for any feature the model lacks), a row per code from _codeBase, the hash table of the other
    // features (_slots, a slot's first 4 bytes its fingerprint, 0 = empty), and the hash table of character
    // pairs (_pairs), a 64-byte line per pair, its first row's first 4 bytes the fingerprint
    private readonly byte[] _rows;
    private readonly ushort[] _charIds = new ushort[char.MaxValue + 1]; // 0: the model knows nothing of the character
    private readonly int _codeBase;
    private readonly ulong[] _present = new ulong[(1 << FilterBits) / 64]; // a bit per hash value: a hashed feature may be in the model
    private readonly Table _slots;
    private readonly Table _pairs;
    private readonly float _scale;
    private readonly float[] _transitions;
    private readonly float[] _start;

    /// <summary>
    /// By character id and tag: the most the pairs <see cref="OpeningScore"/> reads for a character can add to the tag over
    /// O (a pair before it ending with it, under role 1, and a pair from it, under role 2), 0 where none adds more. Id 0
    /// stands for every character the model has no row for.
    /// </summary>
    private readonly short[] _openingPairGains;

    /// <summary>An open-addressing table within <see cref="_rows"/>: where it begins, its entries' size, its capacity.</summary>
    private readonly record struct Table(int Base, int Stride, int Mask, int Shift)
    {
        public static Table Of(int @base, int stride, int entries)
        {
            int capacity = 1;
            while (capacity < entries * 2)
            {
                capacity <<= 1;
            }

            return new Table(@base, stride, capacity - 1, 64 - System.Numerics.BitOperations.Log2((uint)capacity));
        }

        public int Bytes => (Mask + 1) * Stride;

        /// <summary>The byte offset of a hash's home entry.</summary>
        public int Home(ulong mixed) => Base + ((int)(mixed >> Shift) * Stride);

        /// <summary>The entry after <paramref name="at"/>, round to the first.</summary>
        public int Next(int at) => Base + (((((at - Base) / Stride) + 1) & Mask) * Stride);
    }

    public NameTaggerModel(ReadOnlySpan<ulong> keys, ReadOnlySpan<sbyte> weights, float scale, float[] transitions, float[] start, string header, float scoreUnit = 1f)
    {
        if (weights.Length != keys.Length * T || transitions.Length != T * T || start.Length != T)
        {
            throw new ArgumentException("weights, transitions and start do not fit the tags");
        }

        // single characters and codes are dense tables (the commonest features, and cheaper without hashing)
        int ids = 0, hashed = 0;
        var pairs = new HashSet<uint>();
        foreach (ulong key in keys)
        {
            if (NameFeatures.IsCharacterTemplate(key, out _, out char c))
            {
                if (_charIds[c] == 0)
                {
                    _charIds[c] = (ushort)++ids;
                }
            }
            else if (NameFeatures.IsPairTemplate(key, out _, out uint pair))
            {
                pairs.Add(pair);
            }
            else if (!NameFeatures.IsCodeTemplate(key, out _))
            {
                hashed++;
            }
        }

        _codeBase = (ids + 1) * 5 * SlotBytes;
        _slots = Table.Of(_codeBase + (NameFeatures.CodeRows * SlotBytes), SlotBytes, hashed);
        int pairsFrom = _slots.Base + _slots.Bytes;
        var pairTable = Table.Of(pairsFrom, LineBytes, pairs.Count);

        // pinned, so the pair lines can start on a cache line and stay there
        _rows = GC.AllocateArray<byte>(pairsFrom + pairTable.Bytes + LineBytes + SlotBytes, pinned: true); // Score reads 4 bytes past a row
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(_rows, pairsFrom).ToInt64();
        _pairs = pairTable with { Base = pairsFrom + (int)((LineBytes - (address % LineBytes)) % LineBytes) };
        var gainsAsSecond = new int[(ids + 1) * T]; // role 1: the pair's second character
        var gainsAsFirst = new int[(ids + 1) * T];  // role 2: the pair's first character
        for (int k = 0; k < keys.Length; k++)
        {
            int at;
            if (NameFeatures.IsCharacterTemplate(keys[k], out int offset, out char c))
            {
                at = ((_charIds[c] * 5) + offset + 2) * SlotBytes;
            }
            else if (NameFeatures.IsCodeTemplate(keys[k], out int code))
            {
                at = _codeBase + (code * SlotBytes);
            }
            else if (NameFeatures.IsPairTemplate(keys[k], out int role, out uint pair))
            {
                at = Place(_pairs, pair, shared: true) + (role * SlotBytes);
                if (role is 1 or 2)
                {
                    var gains = role == 1 ? gainsAsSecond.AsSpan(_charIds[(char)pair] * T, T) : gainsAsFirst.AsSpan(_charIds[(char)(pair >> 16)] * T, T);
                    var w = weights.Slice(k * T, T);
                    for (int tag = 0; tag < T; tag++)
                    {
                        gains[tag] = Math.Max(gains[tag], w[tag] - w[NameTags.Outside]);
                    }
                }
            }
            else
            {
                at = Place(_slots, keys[k], shared: false);
            }

            MemoryMarshal.AsBytes(weights.Slice(k * T, T)).CopyTo(_rows.AsSpan(at + 4, T));
        }

        _openingPairGains = new short[gainsAsFirst.Length];
        for (int g = 0; g < _openingPairGains.Length; g++)
        {
            _openingPairGains[g] = (short)(gainsAsSecond[g] + gainsAsFirst[g]);
        }

        _scale = scale;
        _transitions = transitions;
        TransitionRows = new Viterbi.TransitionRows(transitions);
        _start = start;
        Header = header;
        FeatureCount = keys.Length;
        ScoreUnit = scoreUnit;
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

        var w = MemoryMarshal.Cast<byte, sbyte>(_rows.AsSpan((((id * 5) + 2) * SlotBytes) + 4, T));
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

        var x = MemoryMarshal.Cast<byte, sbyte>(_rows.AsSpan((((a * 5) + 2) * SlotBytes) + 4, T));
        var y = MemoryMarshal.Cast<byte, sbyte>(_rows.AsSpan((((b * 5) + 2) * SlotBytes) + 4, T));
        int best = int.MinValue;
        for (int k = 1; k <= NameTags.KindCount; k++)
        {
            best = Math.Max(best, x[NameTags.Begin((NameKind)k)] + y[NameTags.Inside((NameKind)k)]);
        }

        return (best - x[NameTags.Outside] - y[NameTags.Outside]) * _scale;
    }

    /// <summary>
    /// How much the model favours a name opening at <paramref name="at"/> and going on through the next character, from
    /// a part of its features: each of the two characters' rows as the characters up to two either side of it (one at
    /// a time) and its two pairs with its neighbours; in score units, the best over the kinds. No lexicon, cue or triple
    /// features and no decode: a first look (ten rows of the dense table and at most four probes of the pairs) that
    /// says where tagging the clause may pay.
    /// </summary>
    public float OpeningScore(ReadOnlySpan<char> text, int at) => OpeningScore(text, at, CharacterRows(text, at), CharacterRows(text, at + 1));

    /// <summary><see cref="OpeningScore(ReadOnlySpan{char}, int)"/> from the two characters' own rows, already summed.</summary>
    private float OpeningScore(ReadOnlySpan<char> text, int at, Vector256<short> firstRows, Vector256<short> secondRows)
    {
        // the pair of the two characters is the second pair of the first and the first pair of the second: one probe
        var (before, line, after) = PairLines(text, at);
        var first = firstRows + PairRow(before, 1) + PairRow(line, 2);
        var second = secondRows + PairRow(line, 1) + PairRow(after, 2);
        int best = int.MinValue;
        for (int k = 1; k <= NameTags.KindCount; k++)
        {
            best = Math.Max(best, first[4 + NameTags.Begin((NameKind)k)] + second[4 + NameTags.Inside((NameKind)k)]);
        }

        return (best - first[4 + NameTags.Outside] - second[4 + NameTags.Outside]) * _scale;
    }

    /// <summary>
    /// Whether <see cref="OpeningScore"/> at <paramref name="at"/> is above <paramref name="threshold"/>, with the same answer.
    /// Most pairs of characters are turned away before the pair table is read (three probes, mostly missing the cache):
    /// their own rows plus the most any pairs could add for them do not reach the threshold, so their true pairs' rows cannot.
    /// (The one way the answers could part: a pair the model lacks whose probe meets another pair's entry with the same 32-bit
    /// fingerprint, about one probe in 2^31, reads that pair's row, which the gains of its own characters need not cover.)
    /// On the 20.4 MB bench input the first look's share of the samples fell from about 3.4% to 2.6%.
    /// </summary>
    public bool OpensAbove(ReadOnlySpan<char> text, int at, float threshold)
    {
        var first = CharacterRows(text, at);
        var second = CharacterRows(text, at + 1);
        int firstGains = _charIds[NameFeatures.FoldedAt(text, at)] * T, secondGains = _charIds[NameFeatures.FoldedAt(text, at + 1)] * T;
        int bound = int.MinValue;
        for (int k = 1; k <= NameTags.KindCount; k++)
        {
            int begin = NameTags.Begin((NameKind)k), inside = NameTags.Inside((NameKind)k);
            bound = Math.Max(bound, first[4 + begin] + _openingPairGains[firstGains + begin] + second[4 + inside] + _openingPairGains[secondGains + inside]);
        }

        // the score is the same kind of sum times a positive scale, and rounding keeps order: a bound not above the
        // threshold is a score not above it
        if ((bound - first[4 + NameTags.Outside] - second[4 + NameTags.Outside]) * _scale <= threshold)
        {
            return false;
        }

        return OpeningScore(text, at, first, second) > threshold;
    }

    /// <summary>A whole row widened to 16 bits: lanes 4 to 14 are the tags' weights (as in <see cref="Score"/>).</summary>
    private Vector256<short> RowAt(int row) =>
        Vector256.WidenLower(Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_rows), (nuint)row).AsSByte().ToVector256Unsafe()).AsInt16();

    /// <summary>The sum of a character's rows as each of the five characters around it.</summary>
    private Vector256<short> CharacterRows(ReadOnlySpan<char> text, int at)
    {
        var sum = Vector256<short>.Zero;
        for (int offset = -2; offset <= 2; offset++)
        {
            sum += RowAt(((_charIds[NameFeatures.FoldedAt(text, at + offset)] * 5) + offset + 2) * SlotBytes); // id 0: zeros
        }

        return sum;
    }

    /// <summary>
    /// The lines of the pairs of characters from <paramref name="at"/> - 1, <paramref name="at"/> and <paramref name="at"/> + 1
    /// (each with the character after it), -1 where the model lacks one: the three home entries are read before any is
    /// looked at further, so their cache misses are under way together.
    /// </summary>
    private (int Before, int At, int After) PairLines(ReadOnlySpan<char> text, int at)
    {
        uint before = PairAt(text, at - 1), pair = PairAt(text, at), after = PairAt(text, at + 1);
        var (beforeHome, beforeFingerprint, _) = Home(_pairs, Mix(before), 0);
        var (home, fingerprint, _) = Home(_pairs, Mix(pair), 0);
        var (afterHome, afterFingerprint, _) = Home(_pairs, Mix(after), 0);
        beforeFingerprint ^= Fingerprint(beforeHome);
        fingerprint ^= Fingerprint(home);
        afterFingerprint ^= Fingerprint(afterHome);
        return (PairLine(beforeHome, beforeFingerprint, before), PairLine(home, fingerprint, pair), PairLine(afterHome, afterFingerprint, after));
    }

    private static uint PairAt(ReadOnlySpan<char> text, int at) => ((uint)NameFeatures.FoldedAt(text, at) << 16) | NameFeatures.FoldedAt(text, at + 1);

    /// <summary>
    /// A pair's line from its home entry (<see cref="Home"/>) and whether the fingerprint there differs from the pair's:
    /// the home itself when they agree, -1 when the filter turned the pair away (home 0, row 0 is no entry), else the
    /// entry further on that holds it, or -1.
    /// </summary>
    private int PairLine(int home, uint differs, uint pair) => differs == 0 ? (home == 0 ? -1 : home) : Find(_pairs, pair);

    /// <summary>A pair's row under a role (<see cref="NameFeatures.IsPairTemplate"/>), zeros where the model lacks the pair.</summary>
    private Vector256<short> PairRow(int line, int role) => line < 0 ? Vector256<short>.Zero : RowAt(line + (role * SlotBytes));

    /// <summary>
    /// The model's unit of score, for thresholds set outside it: the <see cref="PairScore"/> that one pair of adjoining
    /// characters in twenty of its training text passes (written by the trainer). Weights grow with the epochs and
    /// shift with pruning; a threshold in this unit keeps meaning about the same share of text when the model is retrained.
    /// </summary>
    public float ScoreUnit { get; }

    /// <summary>What the model was trained on, with sources and licences.</summary>
    public string Header { get; }

    public int FeatureCount { get; }

    public ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>The transitions as the decode reads them, laid out once.</summary>
    public Viterbi.TransitionRows TransitionRows { get; }

    public ReadOnlySpan<float> Start => _start;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    private static uint FingerprintOf(ulong mixed) => (uint)mixed | 1;

    private uint Fingerprint(int at) => MemoryMarshal.Read<uint>(_rows.AsSpan(at, 4));

    /// <summary>The first free entry of a table for a key; for a pair, the entry that already holds it, if one does.</summary>
    private int Place(Table table, ulong key, bool shared)
    {
        ulong h = Mix(key);
        _present[FilterBit(h) >> 6] |= 1UL << FilterBit(h);
        int at = table.Home(h);
        while (Fingerprint(at) != 0 && !(shared && Fingerprint(at) == FingerprintOf(h)))
        {
            at = table.Next(at);
        }

        MemoryMarshal.Write(_rows.AsSpan(at), FingerprintOf(h));
        return at;
    }

    private static int FilterBit(ulong mixed) => (int)(mixed >> 32) & ((1 << FilterBits) - 1);

    /// <summary>
    /// The home entry, fingerprint and row within the entry of a hashed feature that may be in the model; row 0
    /// (zeros, fingerprint 0) for one that is not. No branch: the filter's answer is as good as random.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private (int At, uint Fingerprint, int Within) Home(Table table, ulong mixed, int within)
    {
        int may = -(int)((_present[FilterBit(mixed) >> 6] >> FilterBit(mixed)) & 1); // all ones, or zero
        return (table.Home(mixed) & may, FingerprintOf(mixed) & (uint)may, within & may);
    }

    /// <summary>The entry of a table that holds a key, or -1.</summary>
    private int Find(Table table, ulong key)
    {
        ulong h = Mix(key);
        uint fingerprint = FingerprintOf(h);
        for (int at = table.Home(h); ; at = table.Next(at))
        {
            uint f = Fingerprint(at);
            if (f == fingerprint)
            {
                return at;
            }

            if (f == 0)
            {
                return -1;
            }
        }
    }

    /// <summary>Adds every known feature's weights to its character's row of <paramref name="emissions"/>.</summary>
    /// <param name="perPosition">features per character, at most 255: their 8-bit weights are summed in 16 bits</param>
    public void Score(ReadOnlySpan<ulong> features, int perPosition, Span<float> emissions)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPosition, 255);
        int n = features.Length / perPosition;
        Span<int> rows = stackalloc int[Chunk * perPosition];
        Span<uint> expected = stackalloc uint[Chunk * perPosition];
        Span<int> within = stackalloc int[Chunk * perPosition];
        ref byte weights = ref MemoryMarshal.GetArrayDataReference(_rows);
        var pairs = new PairHomes(this);
        for (int first = 0; first < n; first += Chunk)
        {
            int count = Math.Min(Chunk, n - first);
            var keys = features.Slice(first * perPosition, count * perPosition);

            // three passes over a chunk's features. The hashed ones' memory accesses are mostly cache misses: the
            // first pass finds where each feature's entry would be, the second only reads the entries' fingerprints
            // (a few instructions each, so many misses are under way at once instead of one after another), the
            // third looks further for the few not at home, a call kept out of the sums so these stay in registers
            for (int j = 0; j < keys.Length; j++)
            {
                (rows[j], expected[j], within[j]) = HomeOf(keys[j], ref pairs);
            }

            for (int j = 0; j < keys.Length; j++)
            {
                expected[j] ^= MemoryMarshal.Read<uint>(_rows.AsSpan(rows[j], 4));
            }

            for (int j = 0; j < keys.Length; j++)
            {
                rows[j] = expected[j] == 0 ? rows[j] + within[j] : RowOfAnyKey(keys[j]);
            }

            for (int i = 0; i < count; i++)
            {
                // a row's 16 bytes from its fifth (the weights, then a spare byte and the next row's first four bytes)
                // widen to 16 shorts in two vectors; lanes 0 to 10 are the tags' weights, the rest add up to nothing used
                var low = Vector128<short>.Zero;
                var high = Vector128<short>.Zero;
                for (int j = i * perPosition; j < (i + 1) * perPosition; j++)
                {
                    Add(ref weights, rows[j], ref low, ref high);
                }

                Store(low, high, emissions.Slice((first + i) * T, T));
            }
        }
    }

    /// <summary>
    /// <see cref="Score(ReadOnlySpan{ulong}, int, Span{float})"/> over <see cref="NameFeatures"/>' keys, from what the
    /// templates read instead of the keys (<see cref="NameFeatures.Score"/>): the single characters and codes straight
    /// to their dense rows, each character pair of the text looked up once for its four templates, and the triples;
    /// the same rows, so the same sums, to the last bit.
    /// </summary>
    /// <param name="folded">the folded text with two markers each side (n + 4)</param>
    /// <param name="classes">the class of each character of <paramref name="folded"/></param>
    /// <param name="lexicon">each character's lexicon mark (n)</param>
    /// <param name="cues">each character's cue mark (n, each under 16)</param>
    internal void Score(ReadOnlySpan<char> folded, ReadOnlySpan<byte> classes, ReadOnlySpan<byte> lexicon, ReadOnlySpan<byte> cues, Span<float> emissions)
    {
        int n = lexicon.Length;
        int pairCount = n + 3; // pair j is folded[j], folded[j + 1]: a character's four pairs are j = i .. i + 3
        int lookups = pairCount + n; // then the triple around each character
        int[]? rented = null;
        Span<int> at = lookups <= 1024 ? stackalloc int[lookups] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(lookups)).AsSpan(0, lookups);
        uint[]? rentedExpected = null;
        Span<uint> expected = lookups <= 1024 ? stackalloc uint[lookups] : (rentedExpected = System.Buffers.ArrayPool<uint>.Shared.Rent(lookups)).AsSpan(0, lookups);
        try
        {
            // as in the keys' Score: every home first, then every fingerprint (the misses under way together), then
            // the few not at home; a pair the model lacks ends at line -1, a triple at row 0 (zeros)
            for (int j = 0; j < pairCount; j++)
            {
                (at[j], expected[j], _) = Home(_pairs, Mix(PairOf(folded, j)), 0);
            }

            for (int i = 0; i < n; i++)
            {
                (at[pairCount + i], expected[pairCount + i], _) = Home(_slots, Mix(NameFeatures.TripleKey(folded, i + 2)), 0);
            }

            for (int j = 0; j < lookups; j++)
            {
                expected[j] ^= MemoryMarshal.Read<uint>(_rows.AsSpan(at[j], 4));
            }

            for (int j = 0; j < lookups; j++)
            {
                at[j] = j < pairCount ? PairLine(at[j], expected[j], PairOf(folded, j))
                    : expected[j] == 0 ? at[j] : Math.Max(Find(_slots, NameFeatures.TripleKey(folded, j - pairCount + 2)), 0); // row 0: zeros
            }

            ref byte weights = ref MemoryMarshal.GetArrayDataReference(_rows);
            int codes = _codeBase;
            for (int i = 0; i < n; i++)
            {
                int c = i + 2;
                var low = Vector128<short>.Zero;
                var high = Vector128<short>.Zero;
                Add(ref weights, codes, ref low, ref high); // the bias
                for (int offset = -2; offset <= 2; offset++)
                {
                    Add(ref weights, ((_charIds[folded[c + offset]] * 5) + offset + 2) * SlotBytes, ref low, ref high);
                }

                for (int role = 0; role < 4; role++)
                {
                    int line = at[i + role];
                    Add(ref weights, (line + (role * SlotBytes)) & ~(line >> 31), ref low, ref high); // a lacking pair: row 0
                }

                Add(ref weights, at[pairCount + i], ref low, ref high);
                Add(ref weights, codes + ((1 + 256 + NameFeatures.ClassCode(classes, c)) * SlotBytes), ref low, ref high);
                Add(ref weights, codes + ((1 + lexicon[i]) * SlotBytes), ref low, ref high);
                int cue = (NameFeatures.CueBefore(cues, i) << 8) | (cues[i] << 4) | NameFeatures.CueAfter(cues, i);
                Add(ref weights, codes + ((1 + 256 + 4096 + cue) * SlotBytes), ref low, ref high);
                Store(low, high, emissions.Slice(i * T, T));
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }

            if (rentedExpected is not null)
            {
                System.Buffers.ArrayPool<uint>.Shared.Return(rentedExpected);
            }
        }
    }

    /// <summary>The payload of the pair templates for folded characters <paramref name="j"/> and after (<see cref="NameFeatures.IsPairTemplate"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static uint PairOf(ReadOnlySpan<char> folded, int j) => ((uint)folded[j] << 16) | folded[j + 1];

    /// <summary>
    /// Adds a row's weights: its 16 bytes from its fifth (the weights, then a spare byte and the next row's first four
    /// bytes) widen to 16 shorts in two vectors; lanes 0 to 10 are the tags' weights, the rest add up to nothing used.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Add(ref byte weights, int row, ref Vector128<short> low, ref Vector128<short> high)
    {
        var (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref weights, (nuint)row + 4).AsSByte()); // _rows has room after its last row
        low += lo;
        high += hi;
    }

    /// <summary>A character's summed weights as its emission scores: eight tags at once, converted and scaled as the scalar loop did (a short is exact as a float), the last three alone.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Store(Vector128<short> low, Vector128<short> high, Span<float> emission)
    {
        (Vector256.ConvertToSingle(Vector256.WidenLower(low.ToVector256Unsafe())) * _scale).CopyTo(emission);
        for (int t = 8; t < T; t++)
        {
            emission[t] = high.GetElement(t - 8) * _scale;
        }
    }

    /// <summary>
    /// Where a feature's weights would be in <see cref="_rows"/>: a dense row (a row of zeros for a character or code
    /// the model lacks), or a hashed feature's home entry, with the fingerprint it holds if it holds the feature, and
    /// the row's place within the entry. A dense row's first four bytes are zero: it "holds" fingerprint 0.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private (int At, uint Fingerprint, int Within) HomeOf(ulong key, ref PairHomes pairs)
    {
        if (NameFeatures.IsCharacterTemplate(key, out int offset, out char c))
        {
            return (((_charIds[c] * 5) + offset + 2) * SlotBytes, 0, 0);
        }

        if (NameFeatures.IsCodeTemplate(key, out int code))
        {
            return (_codeBase + (code * SlotBytes), 0, 0);
        }

        if (NameFeatures.IsPairTemplate(key, out int role, out uint pair))
        {
            return pairs.Of(pair, role * SlotBytes);
        }

        return Home(_slots, Mix(key), 0);
    }

    /// <summary>
    /// The homes of the character pairs met last, by pair: each pair of a text is a feature of four characters in turn
    /// (<see cref="NameFeatures.IsPairTemplate"/>), so three of its four lookups find it here instead of hashing it and
    /// reading the filter again. Eight entries, chosen by the pair's bits; each starts as pair 0's own home, so every
    /// entry is always right for the pair it holds.
    /// </summary>
    private struct PairHomes
    {
        private readonly NameTaggerModel _model;
        private Entries _entries;

        [System.Runtime.CompilerServices.InlineArray(8)]
        private struct Entries
        {
            private (uint Pair, int At, uint Fingerprint, int May) _first;
        }

        public PairHomes(NameTaggerModel model)
        {
            _model = model;
            var zero = Entry(model, 0);
            for (int k = 0; k < 8; k++)
            {
                _entries[k] = zero;
            }
        }

        private static (uint Pair, int At, uint Fingerprint, int May) Entry(NameTaggerModel model, uint pair)
        {
            ulong mixed = Mix(pair);
            var (at, fingerprint, may) = model.Home(model._pairs, mixed, -1);
            return (pair, at, fingerprint, may);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public (int At, uint Fingerprint, int Within) Of(uint pair, int within)
        {
            ref var entry = ref _entries[(int)((pair * 0x9E3779B1u) >> 29)];
            if (entry.Pair != pair)
            {
                entry = Entry(_model, pair);
            }

            return (entry.At, entry.Fingerprint, within & entry.May);
        }
    }

    /// <summary>The row of a hashed feature wherever it stands in its table; row 0, all zeros, when the model lacks it.</summary>
    private int RowOfAnyKey(ulong key)
    {
        int at = NameFeatures.IsPairTemplate(key, out int role, out uint pair)
            ? Find(_pairs, pair) is int line and >= 0 ? line + (role * SlotBytes) : -1
            : Find(_slots, key);
        return Math.Max(at, 0);
    }

    public static NameTaggerModel Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException("E0102: not an Anvil name tagger model of this version: retrain it (src/Anvil.Data/scripts/train-name-tagger.sh)");
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
        float unit = reader.ReadSingle();
        var transitions = ReadFloats(reader, T * T);
        var start = ReadFloats(reader, T);
        int count = reader.ReadInt32();
        var keys = new ulong[count];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(keys.AsSpan()));
        var weights = new sbyte[count * T];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(weights.AsSpan()));
        return new NameTaggerModel(keys, weights, scale, transitions, start, header, unit);
    }

    /// <summary>Writes a model in the form <see cref="Read"/> takes.</summary>
    public static void Write(Stream stream, string header, float scale, float scoreUnit, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start,
        ReadOnlySpan<ulong> keys, ReadOnlySpan<sbyte> weights)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(header);
        writer.Write(NameFeatures.Version);
        writer.Write(T);
        writer.Write(scale);
        writer.Write(scoreUnit);
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
