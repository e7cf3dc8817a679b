using Anvil.Core.Lexicons;

namespace Anvil.Core.Entities.Tagging;

/// <summary>
/// The features the name tagger sees at each character: the characters around it (one, two and three
/// at a time), their classes, what Anvil's lexicons and pattern words say about the stretch it stands
/// in. (Word boundaries from the dictionary were tried as features: they gained nothing measurable on
/// CLUENER or MSRA and cost more than the rest of the features together.) Each feature is a 64-bit key: the template
/// number in the top byte, then the characters or codes themselves, so no string is built and no two
/// features share a key. The trainer and the tagger call the same code, so they always agree.
/// </summary>
public sealed class NameFeatures
{
    /// <summary>Features per character.</summary>
    public const int PerPosition = 14;

    /// <summary>Changes whenever a template changes: a model trained on other features is refused.</summary>
    public const int Version = 3;

    private const char Before = '\u0002';
    private const char After = '\u0003';

    private readonly WordTrie<LexiconEntry[]> _lexicon;
    private readonly EntityPatternData _patterns;

    /// <summary>
    /// The characters that begin a word of any of the cue lists <see cref="MarkCues"/> reads: one look per character
    /// instead of six (most characters begin none), the cue marks about 1.5% of the bench input's samples before.
    /// </summary>
    private readonly CharSet _cueStarts = new();

    public NameFeatures(EntityLexicon lexicon, EntityPatternData patterns)
    {
        _lexicon = lexicon.Trie;
        _patterns = patterns;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (patterns.CompanySuffixes.CanStartWith(ch) || patterns.GovernmentBodies.CanStartWith(ch) || patterns.MediaSuffixes.CanStartWith(ch)
                || patterns.UniversitySuffixes.CanStartWith(ch) || patterns.PlaceSuffixes.CanStartWith(ch) || patterns.PersonTitles.CanStartWith(ch))
            {
                _cueStarts.Add(ch);
            }
        }
    }

    /// <summary>Templates 2 to 6 are the single characters at offsets -2 to +2 (the key's low 16 bits).</summary>
    public static bool IsCharacterTemplate(ulong key, out int offset, out char c)
    {
        int template = (int)(key >> 56);
        offset = template - 4;
        c = (char)(key & 0xFFFF);
        return template is >= 2 and <= 6;
    }

    /// <summary>Rows of the dense table for the templates whose payload is a small code (see <see cref="IsCodeTemplate"/>).</summary>
    public const int CodeRows = 1 + 256 + 4096 + 4096;

    /// <summary>
    /// The templates whose payload is a small code rather than characters: the bias (template 1), the classes
    /// of three characters (12, three 4-bit classes), the lexicon mark (13, one byte) and the cue marks of three
    /// characters (15, three bytes under 16). Their weights fit a dense table of <see cref="CodeRows"/> rows, so
    /// the tagger finds them without hashing; <paramref name="row"/> is the key's row. A key of these templates
    /// with a larger payload (none that <see cref="Extract"/> writes) is not a code and goes to the hash table.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsCodeTemplate(ulong key, out int row)
    {
        ulong payload = key & 0x00FF_FFFF_FFFF_FFFFUL;
        switch ((int)(key >> 56))
        {
            case 1:
                row = 0;
                return payload == 0;
            case 13:
                row = 1 + (int)(payload & 0xFF);
                return payload < 256;
            case 12:
                row = 1 + 256 + (int)(payload & 0xFFF);
                return payload < 4096;
            case 15:
                row = 1 + 256 + 4096 + (int)(((payload >> 8) & 0xF00) | ((payload >> 4) & 0xF0) | (payload & 0xF));
                return (payload & ~0x0F0F0FUL) == 0;
            default:
                row = 0;
                return false;
        }
    }

    /// <summary>
    /// Templates 7 to 10 are the pairs of adjoining characters at offsets -2/-1, -1/0, 0/+1 and +1/+2 (a pair in the
    /// key's low 32 bits): one pair of the text is each of them at four characters in turn, so the tagger keeps a
    /// pair's four weight rows together (<paramref name="role"/> picks one) and reads them with one memory access.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsPairTemplate(ulong key, out int role, out uint pair)
    {
        int template = (int)(key >> 56);
        role = template - 7;
        pair = (uint)key;
        return template is >= 7 and <= 10 && (key & 0x00FF_FFFF_0000_0000UL) == 0;
    }

    /// <summary>Writes <see cref="PerPosition"/> keys for each character of <paramref name="text"/>.</summary>
    public void Extract(ReadOnlySpan<char> text, Span<ulong> keys) => Extract(text, keys, default);

    /// <summary>
    /// Writes <see cref="PerPosition"/> keys for each character of <paramref name="text"/>, given the longest lexicon
    /// entry at each of its characters where the caller has walked the lexicon over a text that holds this one
    /// (<paramref name="lexiconMatches"/>, empty where it has not): the entity recogniser reads the whole text
    /// through the lexicon before it tags some clauses of it, and walked the trie a second time over each of those.
    /// </summary>
    public void Extract(ReadOnlySpan<char> text, Span<ulong> keys, ReadOnlySpan<LexiconMatch> lexiconMatches)
    {
        int n = text.Length;
        using var parts = new Parts(n);
        Prepare(text, lexiconMatches, parts);
        var f = parts.Folded;
        var cls = parts.Classes;
        var lex = parts.Lexicon;
        var cue = parts.Cues;
        for (int i = 0; i < n; i++)
        {
            var k = keys.Slice(i * PerPosition, PerPosition);
            int c = i + 2; // index into the folded text
            ulong a = f[c - 2], b = f[c - 1], x = f[c], d = f[c + 1], e = f[c + 2];
            k[0] = Key(1, 0);
            k[1] = Key(2, a);
            k[2] = Key(3, b);
            k[3] = Key(4, x);
            k[4] = Key(5, d);
            k[5] = Key(6, e);
            k[6] = Key(7, (a << 16) | b);
            k[7] = Key(8, (b << 16) | x);
            k[8] = Key(9, (x << 16) | d);
            k[9] = Key(10, (d << 16) | e);
            k[10] = TripleKey(f, c);
            k[11] = Key(12, (ulong)ClassCode(cls, c));
            k[12] = Key(13, lex[i]);
            k[13] = Key(15, ((ulong)CueBefore(cue, i) << 16) | ((ulong)cue[i] << 8) | CueAfter(cue, i));
        }
    }

    /// <summary>
    /// Adds the weights of every feature <see cref="Extract(ReadOnlySpan{char}, Span{ulong}, ReadOnlySpan{LexiconMatch})"/>
    /// would write for <paramref name="text"/> to its character's row of <paramref name="emissions"/>, as
    /// <see cref="NameTaggerModel.Score"/> over those keys does, to the last bit, without writing the keys: the model
    /// reads the dense rows straight from the characters and codes and looks each character pair up once, not four times.
    /// </summary>
    public void Score(ReadOnlySpan<char> text, NameTaggerModel model, Span<float> emissions, ReadOnlySpan<LexiconMatch> lexiconMatches = default)
    {
        using var parts = new Parts(text.Length);
        Prepare(text, lexiconMatches, parts);
        model.Score(parts.Folded, parts.Classes, parts.Lexicon, parts.Cues, emissions);
    }

    /// <summary>The 64-bit key of the triple template (11): the characters before, at and after folded index <paramref name="c"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static ulong TripleKey(ReadOnlySpan<char> folded, int c) =>
        Key(11, ((ulong)folded[c - 1] << 32) | ((ulong)folded[c] << 16) | folded[c + 1]);

    /// <summary>The class template's (12) payload: three 4-bit classes around folded index <paramref name="c"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int ClassCode(ReadOnlySpan<byte> classes, int c) => (classes[c - 1] << 8) | (classes[c] << 4) | classes[c + 1];

    /// <summary>The cue mark of the character before <paramref name="i"/>, 0 at the text's start.</summary>
    internal static byte CueBefore(ReadOnlySpan<byte> cues, int i) => i > 0 ? cues[i - 1] : (byte)0;

    /// <summary>The cue mark of the character after <paramref name="i"/>, 0 at the text's end.</summary>
    internal static byte CueAfter(ReadOnlySpan<byte> cues, int i) => i + 1 < cues.Length ? cues[i + 1] : (byte)0;

    /// <summary>
    /// What the templates read of a text: the folded text with two markers each side, each of those characters' classes, the
    /// lexicon and cue marks. The arrays are the thread's own, kept for its next text (up to <see cref="KeptLength"/>
    /// characters): the tagger reads a few thousand clauses a megabyte, and four rentals from the shared pool and four
    /// returns a clause were about 0.6% of the bench input's samples. Nothing that fills them calls back into them.
    /// </summary>
    private readonly ref struct Parts
    {
        private const int KeptLength = 1 << 16;

        [ThreadStatic]
        private static Buffers? t_kept;

        private readonly Buffers _buffers;
        private readonly int _n;

        public Parts(int n)
        {
            _n = n;
            var kept = t_kept;
            if (kept is not null && kept.Lexicon.Length >= n)
            {
                t_kept = null; // taken: a nested use (none now) would make its own
                _buffers = kept;
            }
            else
            {
                _buffers = new Buffers(Math.Max(n, 256));
            }
        }

        public Span<char> Folded => _buffers.Folded.AsSpan(0, _n + 4);

        public Span<byte> Classes => _buffers.Classes.AsSpan(0, _n + 4);

        public Span<byte> Lexicon => _buffers.Lexicon.AsSpan(0, _n);

        public Span<byte> Cues => _buffers.Cues.AsSpan(0, _n);

        public void Dispose()
        {
            if (_buffers.Lexicon.Length <= KeptLength)
            {
                t_kept = _buffers;
            }
        }

        private sealed class Buffers(int n)
        {
            public byte[] Lexicon { get; } = new byte[n];

            public byte[] Cues { get; } = new byte[n];

            public byte[] Classes { get; } = new byte[n + 4];

            public char[] Folded { get; } = new char[n + 4];
        }
    }

    private void Prepare(ReadOnlySpan<char> text, ReadOnlySpan<LexiconMatch> lexiconMatches, in Parts parts)
    {
        int n = text.Length;
        var f = parts.Folded;
        f[0] = f[1] = Before;
        f[n + 2] = f[n + 3] = After;
        for (int i = 0; i < n; i++)
        {
            f[i + 2] = Fold(text[i]);
        }

        // each character's class once: the class feature reads it at three positions in turn
        var cls = parts.Classes;
        for (int i = 0; i < f.Length; i++)
        {
            cls[i] = Class(f[i]);
        }

        MarkLexicon(text, parts.Lexicon, lexiconMatches);
        MarkCues(text, parts.Cues);
    }

    /// <summary>The character at a position as the features read it (folded; the markers before and after the text).</summary>
    internal static char FoldedAt(ReadOnlySpan<char> text, int at) => at < 0 ? Before : at >= text.Length ? After : Fold(text[at]);

    internal static ulong Key(int template, ulong payload) => ((ulong)template << 56) | payload;

    /// <summary>Digits read alike, Latin letters regardless of case.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c switch
    {
        >= '0' and <= '9' => '0',
        >= 'A' and <= 'Z' => (char)(c + 32),
        _ => c,
    };

    private static byte Class(char c) => c switch
    {
        Before or After => 1,
        '0' => 2,
        >= 'a' and <= 'z' => 3,
        _ when TextClasses.IsHan(c) => 4,
        ' ' or '\t' or '\n' or '\r' => 5,
        '(' or ')' or '《' or '》' or '“' or '”' or '"' or '「' or '」' => 6,
        '·' or '-' or '.' or '&' => 7,
        _ => 8,
    };

    /// <summary>
    /// For each character, the type of the longest lexicon entry over it and its place in that entry
    /// (begin, inside, end, single), as (type + 1) * 4 + place; 0 where no entry stands.
    /// </summary>
    /// <param name="known">empty, or the longest entry at each character as read in a longer text: one that runs past
    /// this text's end is looked up again, as it may hold a shorter entry that ends within it</param>
    private void MarkLexicon(ReadOnlySpan<char> text, Span<byte> marks, ReadOnlySpan<LexiconMatch> known)
    {
        marks.Clear();
        int covered = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!_lexicon.CanStartWith(text[i]))
            {
                continue;
            }

            var (longest, type) = known.IsEmpty || i + known[i].Length > text.Length ? LongestLexiconMatch(_lexicon, text, i) : known[i];
            if (longest == 0 || i + longest <= covered)
            {
                continue;
            }

            int code = ((int)type + 1) * 4;
            for (int k = Math.Max(i, covered); k < i + longest; k++)
            {
                int place = k == i ? 0 : k == i + longest - 1 ? 2 : 1;
                marks[k] = (byte)(code + place);
            }

            covered = i + longest;
        }
    }

    /// <summary>The longest lexicon entry of two or more characters that begins at <paramref name="start"/>, and its first reading's type; length 0 where none does.</summary>
    public static LexiconMatch LongestLexiconMatch(WordTrie<LexiconEntry[]> lexicon, ReadOnlySpan<char> text, int start)
    {
        int longest = 0;
        EntityType type = default;
        int node = WordTrie<LexiconEntry[]>.Root;
        for (int k = start; k < text.Length && lexicon.TryStep(node, text[k], out node); k++)
        {
            if (lexicon.IsWord(node) && k - start + 1 >= 2)
            {
                longest = k - start + 1;
                type = lexicon.ValueOf(node)[0].Type;
            }
        }

        return new LexiconMatch(longest, type);
    }

    /// <summary>
    /// Words that often end or open a name: company suffixes (1), government bodies (2), media (3),
    /// universities (4), place words such as 产业园 (5), and titles before a person's name (6); as
    /// kind * 2 + 1 on the first character of the word and kind * 2 on the others.
    /// </summary>
    private void MarkCues(ReadOnlySpan<char> text, Span<byte> marks)
    {
        marks.Clear();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!_cueStarts.Contains(c))
            {
                continue;
            }

            int kind = 0, len = 0;
            if (_patterns.CompanySuffixes.CanStartWith(c) && (len = _patterns.CompanySuffixes.LongestMatch(text, i, out _)) > 0)
            {
                kind = 1;
            }
            else if (_patterns.GovernmentBodies.CanStartWith(c) && (len = _patterns.GovernmentBodies.LongestMatch(text, i, out _)) > 0)
            {
                kind = 2;
            }
            else if (_patterns.MediaSuffixes.CanStartWith(c) && (len = _patterns.MediaSuffixes.LongestMatch(text, i, out _)) > 0)
            {
                kind = 3;
            }
            else if (_patterns.UniversitySuffixes.CanStartWith(c) && (len = _patterns.UniversitySuffixes.LongestMatch(text, i, out _)) > 0)
            {
                kind = 4;
            }
            else if (_patterns.PlaceSuffixes.CanStartWith(c) && (len = _patterns.PlaceSuffixes.LongestMatch(text, i, out _)) > 0)
            {
                kind = 5;
            }
            else if (_patterns.PersonTitles.CanStartWith(c) && (len = _patterns.PersonTitles.LongestMatch(text, i, out _)) > 0)
            {
                kind = 6;
            }

            if (kind == 0)
            {
                continue;
            }

            marks[i] = (byte)((kind * 2) + 1);
            for (int k = i + 1; k < i + len; k++)
            {
                marks[k] = (byte)(kind * 2);
            }

            i += len - 1;
        }
    }
}

/// <summary>The longest lexicon entry of two or more characters at a character: its length (0: none) and its first reading's type.</summary>
public readonly record struct LexiconMatch(int Length, EntityType Type);
