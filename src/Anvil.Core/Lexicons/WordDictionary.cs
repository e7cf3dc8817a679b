using System.Runtime.InteropServices;
using System.Text;
using Anvil.Data;

namespace Anvil.Core.Lexicons;

/// <summary>
/// A general word dictionary of Simplified Chinese with word frequencies (derived from jieba's
/// dictionary, see <c>words/SOURCE.md</c>), and the segmentation it implies: the split of a text into
/// words whose product of probabilities is highest, as jieba computes it without its HMM. Anvil uses
/// it to tell whether a name cuts through a word (长治 in 长治久安, 范县 in 示范县).
/// </summary>
/// <remarks>
/// The file is the lookup table itself, so loading is one copy: an open-addressing table of 32-bit
/// slots, each holding 21 bits of a word's hash, two bits for the word's class as jieba tags it (a
/// function word: adverb, preposition, conjunction, pronoun, particle, time word; or a verb), a bit
/// saying jieba tags it as a proper name (nr, ns, nt, nz) or an abbreviation (j: 农行, 东盟, 港澳办, short forms of names), a bit saying longer words continue it, and its
/// frequency as a 7-bit code (round(8 ln f)); code 0 marks a prefix that is no word. The slot's position
/// holds 20 more bits of the hash, so two words are confused about once in 2^41 probes.
/// Read-only after loading and safe to share across threads.
/// </remarks>
public sealed class WordDictionary
{
    public const string Magic = "ANVILWR2"; // version 2: word classes in each slot
    public const int MaxWordLength = 8;
    public const double FrequencyScale = 8.0;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private readonly uint[] _slots;
    private readonly int _shift;
    private readonly uint _mask;
    private readonly float[] _logProbability; // by frequency code: ln(f) - ln(total)
    private readonly float _unknown;           // a character the dictionary lacks: frequency 1
    private readonly uint[] _firstEntries = new uint[char.MaxValue + 1]; // each character's own entry: the segmenter's first look at every position, without hashing

    public WordDictionary(uint[] slots, double logTotal)
    {
        if (slots.Length == 0 || (slots.Length & (slots.Length - 1)) != 0)
        {
            throw new ArgumentException("the table size must be a power of two", nameof(slots));
        }

        _slots = slots;
        _mask = (uint)slots.Length - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)slots.Length);
        _logProbability = new float[128];
        for (int code = 0; code < 128; code++)
        {
            _logProbability[code] = (float)((code / FrequencyScale) - logTotal);
        }

        _unknown = (float)-logTotal;
        LogTotal = logTotal;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            _firstEntries[c] = Find(Extend(Start, (char)c));
        }
    }

    public double LogTotal { get; }

    public int Capacity => _slots.Length;

    /// <summary>The dictionary shipped with Anvil (words/words.bin).</summary>
    public static WordDictionary LoadBuiltIn()
    {
        using var stream = DataFiles.Open("words/words.bin");
        return Read(stream);
    }

    public static WordDictionary Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic)
        {
            throw new InvalidDataException("E0101: not an Anvil word dictionary");
        }

        reader.ReadString(); // the header: source and licence
        double logTotal = reader.ReadDouble();
        int capacity = reader.ReadInt32();
        var slots = new uint[capacity];
        var bytes = MemoryMarshal.AsBytes(slots.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return new WordDictionary(slots, logTotal);
    }

    public void Write(Stream stream, string header)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(header);
        writer.Write(LogTotal);
        writer.Write(_slots.Length);
        writer.Write(MemoryMarshal.AsBytes(_slots.AsSpan()));
    }

    /// <summary>The hash after one more character (FNV-1a over UTF-16 units).</summary>
    public static ulong Extend(ulong hash, char c) => (hash ^ c) * FnvPrime;

    public static ulong Start => FnvOffset;

    /// <summary>The slot of a hash, or -1; for building the table.</summary>
    public static (int Home, uint Fingerprint) Place(ulong hash, int capacityLog2)
    {
        hash = Mix(hash);
        return ((int)(hash >> (64 - capacityLog2)), (uint)((hash >> 8) & FingerprintMask) | 1);
    }

    /// <summary>FNV alone spreads short words badly (one character changes few high bits): a finaliser mixes them.</summary>
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        return h ^ (h >> 33);
    }

    public const uint VerbBit = 0x400;
    public const uint FunctionBit = 0x200;
    public const uint ProperBit = 0x100;
    public const uint ContinuesBit = 0x80;
    public const int FingerprintShift = 11;
    private const ulong FingerprintMask = 0x1FFFFF;

    /// <summary>The slot where <see cref="Find"/> begins to look for a hash.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int Home(ulong hash) => (int)(Mix(hash) >> _shift);

    /// <summary>The entry (flags and frequency code) for a hash, 0 when absent.</summary>
    private uint Find(ulong hash)
    {
        hash = Mix(hash);
        uint slot = (uint)(hash >> _shift);
        uint fingerprint = (uint)((hash >> 8) & FingerprintMask) | 1;
        while (true)
        {
            uint v = _slots[slot];
            if (v == 0)
            {
                return 0;
            }

            if (v >> FingerprintShift == fingerprint)
            {
                return v;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>True when the text is a dictionary word.</summary>
    public bool Contains(ReadOnlySpan<char> word) => (Entry(word) & 0x7F) != 0;

    /// <summary>True when the text is a dictionary word that is no proper name or abbreviation (工厂, 理想, 研究院; not 深圳, 农行).</summary>
    public bool IsCommonWord(ReadOnlySpan<char> word)
    {
        uint e = Entry(word);
        return (e & 0x7F) != 0 && (e & ProperBit) == 0;
    }

    /// <summary>ln of the word's probability, or of an unknown character's.</summary>
    public float LogProbability(ReadOnlySpan<char> word)
    {
        uint e = Entry(word);
        return (e & 0x7F) != 0 ? _logProbability[e & 0x7F] : _unknown;
    }

    /// <summary>A character's own entry as the segmenter reads it (from the table built on load): for the tests.</summary>
    internal uint FirstEntry(char c) => _firstEntries[c];

    internal uint Entry(ReadOnlySpan<char> word)
    {
        ulong h = Start;
        foreach (char c in word)
        {
            h = Extend(h, c);
        }

        return Find(h);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into its most likely words. Writes the cut points, from 0 to
    /// text.Length, into <paramref name="cuts"/> (at least text.Length + 1 long) and returns how many.
    /// A run of Latin letters or digits is one word.
    /// </summary>
    public int Segment(ReadOnlySpan<char> text, Span<int> cuts) => Segment(text, cuts, null, 0);

    /// <param name="known">the words of the whole text <paramref name="text"/> is part of, from <paramref name="offset"/>; null to look them up</param>
    private int Segment(ReadOnlySpan<char> text, Span<int> cuts, KnownWords? known, int offset)
    {
        int n = text.Length;
        if (n == 0)
        {
            cuts[0] = 0;
            return 1;
        }

        // best[i]: the best score of text[i..]; next[i]: where the first word of that split ends
        Span<float> best = n <= 512 ? stackalloc float[n + 1] : new float[n + 1];
        Span<int> next = n <= 512 ? stackalloc int[n + 1] : new int[n + 1];
        Span<uint> found = stackalloc uint[MaxWordLength];
        best[n] = 0;
        known?.LookUp(offset, offset + n);
        for (int i = n - 1; i >= 0; i--)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                int e = i + 1;
                while (e < n && char.IsAsciiLetterOrDigit(text[e]))
                {
                    e++;
                }

                best[i] = _unknown + best[e];
                next[i] = e;
                continue;
            }

            // the entries of the words from i, by length less one; a longer text's may run past this one's end
            var words = known is null ? found[..WordsFrom(text, i, found)] : known.From(offset + i);
            uint entry = words[0];
            float score = ((entry & 0x7F) != 0 ? _logProbability[entry & 0x7F] : _unknown) + best[i + 1];
            int end = i + 1;
            for (int k = i + 1; k < n && k - i < words.Length; k++)
            {
                entry = words[k - i];
                if ((entry & 0x7F) != 0)
                {
                    float s = _logProbability[entry & 0x7F] + best[k + 1];
                    if (s > score)
                    {
                        score = s;
                        end = k + 1;
                    }
                }
            }

            best[i] = score;
            next[i] = end;
        }

        int count = 0;
        for (int i = 0; i < n; i = next[i])
        {
            cuts[count++] = i;
        }

        cuts[count++] = n;
        return count;
    }

    /// <summary>
    /// The entries of text[i..i + 1], text[i..i + 2] and on, into <paramref name="entries"/>, while each is a word or a
    /// prefix of one that longer words continue (at most <see cref="MaxWordLength"/>); returns how many, at least one
    /// (the character's own entry, 0 when the dictionary lacks it).
    /// </summary>
    private int WordsFrom(ReadOnlySpan<char> text, int i, Span<uint> entries)
    {
        char c = text[i];
        ulong h = Extend(Start, c);
        uint entry = _firstEntries[c];
        entries[0] = entry;
        int count = 1;
        for (int k = i + 1; k < text.Length && count < MaxWordLength && (entry & ContinuesBit) != 0; k++)
        {
            h = Extend(h, text[k]);
            entry = Find(h);
            if (entry == 0)
            {
                break;
            }

            entries[count++] = entry;
        }

        return count;
    }

    /// <summary>
    /// A thread's dictionary entries of the words at each position of the last text asked of through the
    /// <see cref="string"/> overloads, found once for that text. The entity recogniser asks whether each of
    /// its candidates cuts a word by segmenting some twenty characters around it, and the windows of nearby
    /// candidates overlap: looking each window's words up afresh (a hash and a mostly missed cache line of the
    /// 4 MB table per character) was about 7% of the bench input's extraction. A window's segmentation reads
    /// the same entries as before, cut at its end, so it is the same.
    /// </summary>
    private sealed class KnownWords
    {
        /// <summary>A text longer than this gets a table of its own, let go at the thread's next text instead of reused for it.</summary>
        private const int KeptLength = 1 << 16;

        [ThreadStatic]
        private static KnownWords? t_last;

        private readonly WordDictionary _words;
        private readonly string _text;
        private readonly uint[] _entries; // MaxWordLength per position
        private readonly byte[] _counts;  // how many entries a position has, 0 while not looked up

        private KnownWords(WordDictionary words, string text, KnownWords? reuse)
        {
            _words = words;
            _text = text;
            if (reuse is not null && reuse._counts.Length >= text.Length && reuse._counts.Length <= KeptLength)
            {
                _entries = reuse._entries;
                _counts = reuse._counts;
                _counts.AsSpan(0, text.Length).Clear();
            }
            else
            {
                _entries = new uint[Math.Max(text.Length, 1024) * MaxWordLength];
                _counts = new byte[Math.Max(text.Length, 1024)];
            }
        }

        /// <summary>
        /// A text longer than this is looked up afresh for each question, as before the table: its table would be 33 bytes a
        /// character (a 15 MB report's some 165 MB, on top of what the text's annotations hold) for a few percent of time.
        /// </summary>
        private const int LongestTabled = 1 << 20;

        public static KnownWords? Of(WordDictionary words, string text)
        {
            if (text.Length > LongestTabled)
            {
                return null;
            }

            var last = t_last;
            if (last is not null && ReferenceEquals(last._text, text) && ReferenceEquals(last._words, words))
            {
                return last;
            }

            var known = new KnownWords(words, text, last);
            t_last = known;
            return known;
        }

        /// <summary>
        /// Looks up the words at the positions of [<paramref name="from"/>, <paramref name="to"/>) not looked up yet, one
        /// length at a time for all of them: every position's probe for its next character is read before any is
        /// followed, so the reads, mostly missing the cache, are under way together instead of one after another behind
        /// a branch on the last (as in <see cref="WordsFrom"/>, whose entries these are). A probe that finds an empty
        /// slot ends its position's words without a further look. The word dictionary's share of the bench input's
        /// samples fell from about 8.9% to 7.5%.
        /// </summary>
        public void LookUp(int from, int to)
        {
            const int Batch = 64;
            Span<int> pending = stackalloc int[Batch]; // positions whose words may go on
            Span<ulong> hashes = stackalloc ulong[Batch];
            Span<int> homes = stackalloc int[Batch];
            Span<uint> probes = stackalloc uint[Batch];
            var slots = _words._slots;
            for (int first = from; first < to; first += Batch)
            {
                int count = 0;
                for (int i = first; i < Math.Min(to, first + Batch); i++)
                {
                    if (_counts[i] == 0)
                    {
                        uint entry = _words._firstEntries[_text[i]];
                        _entries[i * MaxWordLength] = entry;
                        _counts[i] = 1;
                        if (i + 1 < _text.Length && (entry & ContinuesBit) != 0)
                        {
                            hashes[count] = Extend(Start, _text[i]);
                            pending[count++] = i;
                        }
                    }
                }

                for (int length = 2; count > 0; length++)
                {
                    for (int k = 0; k < count; k++)
                    {
                        hashes[k] = Extend(hashes[k], _text[pending[k] + length - 1]);
                        homes[k] = _words.Home(hashes[k]);
                    }

                    for (int k = 0; k < count; k++)
                    {
                        probes[k] = slots[homes[k]];
                    }

                    int going = 0;
                    for (int k = 0; k < count; k++)
                    {
                        int i = pending[k];
                        uint entry = probes[k] == 0 ? 0 : _words.Find(hashes[k]);
                        if (entry == 0)
                        {
                            continue;
                        }

                        _entries[(i * MaxWordLength) + length - 1] = entry;
                        _counts[i] = (byte)length;
                        if (i + length < _text.Length && length < MaxWordLength && (entry & ContinuesBit) != 0)
                        {
                            hashes[going] = hashes[k];
                            pending[going++] = i;
                        }
                    }

                    count = going;
                }
            }
        }

        public ReadOnlySpan<uint> From(int i)
        {
            var entries = _entries.AsSpan(i * MaxWordLength, MaxWordLength);
            int count = _counts[i];
            if (count == 0)
            {
                count = _words.WordsFrom(_text, i, entries);
                _counts[i] = (byte)count;
            }

            return entries[..count];
        }
    }

    /// <summary>
    /// Where the best segmentation of the stretch around [start, end) puts the word that holds the
    /// character before <paramref name="end"/>: its start and end, in <paramref name="text"/> coordinates.
    /// </summary>
    public (int Start, int End) WordAround(ReadOnlySpan<char> text, int start, int end, int context = 6) => WordAround(text, null, start, end, context);

    /// <inheritdoc cref="WordAround(ReadOnlySpan{char}, int, int, int)"/>
    /// <remarks>The thread keeps the words of the last text asked of (<see cref="KnownWords"/>): for many questions about one text.</remarks>
    public (int Start, int End) WordAround(string text, int start, int end, int context = 6) => WordAround(text, KnownWords.Of(this, text), start, end, context);

    private (int Start, int End) WordAround(ReadOnlySpan<char> text, KnownWords? known, int start, int end, int context)
    {
        int from = Math.Max(0, start - context), to = Math.Min(text.Length, end + context);
        var window = text[from..to];
        Span<int> cuts = stackalloc int[window.Length + 1];
        int count = Segment(window, cuts, known, from);
        int last = end - 1 - from;
        for (int k = 0; k + 1 < count; k++)
        {
            if (cuts[k] <= last && last < cuts[k + 1])
            {
                return (cuts[k] + from, cuts[k + 1] + from);
            }
        }

        return (start, end);
    }

    /// <summary>The word's grammatical class as the dictionary tags it; <see cref="WordClass.Unknown"/> when it is no word.</summary>
    public WordClass ClassOf(ReadOnlySpan<char> word)
    {
        uint e = Entry(word);
        return (e & 0x7F) == 0 ? WordClass.Unknown
            : (e & FunctionBit) != 0 ? WordClass.Function
            : (e & VerbBit) != 0 ? WordClass.Verb
            : WordClass.Content;
    }

    /// <summary>True when the dictionary tags the word as a proper name (nr, ns, nt, nz) or an abbreviation (j).</summary>
    public bool IsProperName(ReadOnlySpan<char> word)
    {
        uint e = Entry(word);
        return (e & 0x7F) != 0 && (e & ProperBit) != 0;
    }

    /// <summary>
    /// True when [start, end) of <paramref name="text"/> begins and ends on word boundaries of the best
    /// segmentation of the stretch around it (<paramref name="context"/> characters each side, within the
    /// line): a name that cuts through a word (长治 in 长治久安) is false.
    /// </summary>
    public bool KeepsWords(ReadOnlySpan<char> text, int start, int end, int context = 6) => KeepsWords(text, null, start, end, context);

    /// <inheritdoc cref="KeepsWords(ReadOnlySpan{char}, int, int, int)"/>
    /// <remarks>The thread keeps the words of the last text asked of (<see cref="KnownWords"/>): for many questions about one text.</remarks>
    public bool KeepsWords(string text, int start, int end, int context = 6) => KeepsWords(text, KnownWords.Of(this, text), start, end, context);

    private bool KeepsWords(ReadOnlySpan<char> text, KnownWords? known, int start, int end, int context)
    {
        int from = Math.Max(0, start - context), to = Math.Min(text.Length, end + context);
        var window = text[from..to];
        Span<int> cuts = stackalloc int[window.Length + 1];
        int count = Segment(window, cuts, known, from);
        bool startOk = false, endOk = false;
        for (int k = 0; k < count; k++)
        {
            startOk |= cuts[k] == start - from;
            endOk |= cuts[k] == end - from;
        }

        return startOk && endOk;
    }
}

/// <summary>What a word of the dictionary is, as jieba's part-of-speech tags group it.</summary>
public enum WordClass
{
    /// <summary>Not a word of the dictionary.</summary>
    Unknown,

    /// <summary>A noun, adjective, numeral or any other word that can name a thing (including verbal nouns, vn).</summary>
    Content,

    /// <summary>A verb (v, vd, vg, vi): 获得, 涉及, 派发.</summary>
    Verb,

    /// <summary>An adverb, preposition, conjunction, pronoun, particle, time word or interjection: 仍, 由, 其, 目前.</summary>
    Function,
}
