using System.Buffers;

namespace Anvil.Core.Normalization;

/// <summary>
/// Applies a <see cref="ReplacementTable"/> to text by forward longest match, the way OpenCC's
/// conversion steps do: at each position the longest key wins, its value is written, and matching
/// resumes after the key; a character that starts no key is copied.
/// </summary>
internal static class Replacer
{
    /// <summary>
    /// Replaces in place. Every value must have its key's length (checked when the table is
    /// loaded), so positions do not move and no offset map is needed.
    /// </summary>
    public static void ApplySameLength(Span<char> text, ReplacementTable table)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!table.NeedsMatch(text[i]))
            {
                text[i] = table.Direct(text[i]); // its one-character value, or itself
                i++;
                continue;
            }

            int k = table.Match(text, i, out string value);
            if (k == 0)
            {
                i++;
                continue;
            }

            value.AsSpan().CopyTo(text[i..]);
            i += k;
        }
    }

    /// <summary>
    /// Replaces into a new view of <paramref name="input"/>, whose positions are those of the
    /// original text. While every replacement keeps its length the view is an identity view; from
    /// the first one that does not, the view lists the replacements that change the length (each
    /// view character of one stands for its whole key; any other character for the one under it).
    /// </summary>
    public static MatchView ToView(ReadOnlySpan<char> input, ReplacementTable table)
    {
        int n = input.Length;
        var output = new Output(n);
        try
        {
            int i = 0;
            while (i < n)
            {
                // most characters start no key, or only a key of their own with a value of one character: they are written
                // a run at a time, each as it is or as its value
                int run = i;
                while (run < n && !table.NeedsMatch(input[run]))
                {
                    run++;
                }

                if (run > i)
                {
                    output.CopyDirect(input[i..run], table);
                    i = run;
                    continue;
                }

                int k = table.Match(input, i, out string value);
                if (k == 0)
                {
                    output.Copy(input.Slice(i, 1));
                    i++;
                    continue;
                }

                if (value.Length == k)
                {
                    output.Copy(value);
                }
                else
                {
                    output.ReplaceWhole(value, i, i + k);
                }

                i += k;
            }

            return output.ToView(n);
        }
        finally
        {
            output.Return();
        }
    }

    /// <summary>The growing view text and, once needed, its list of length-changing replacements; the text's buffer comes from the pool.</summary>
    private struct Output(int originalLength)
    {
        private char[] _chars = ArrayPool<char>.Shared.Rent(Math.Max(16, originalLength + (originalLength >> 4)));
        private List<Replacement>? _replacements;
        private int _length;

        /// <summary>Writes characters that stand for as many original ones, each for the original character under it.</summary>
        public void Copy(ReadOnlySpan<char> chars)
        {
            if (_length + chars.Length > _chars.Length)
            {
                Grow(chars.Length);
            }

            chars.CopyTo(_chars.AsSpan(_length));
            _length += chars.Length;
        }

        /// <summary>Writes characters that need no match (<see cref="ReplacementTable.NeedsMatch"/>), each as the table's <see cref="ReplacementTable.Direct"/>.</summary>
        public void CopyDirect(ReadOnlySpan<char> chars, ReplacementTable table)
        {
            if (_length + chars.Length > _chars.Length)
            {
                Grow(chars.Length);
            }

            var to = _chars.AsSpan(_length, chars.Length);
            for (int k = 0; k < chars.Length; k++)
            {
                to[k] = table.Direct(chars[k]);
            }

            _length += chars.Length;
        }

        public void ReplaceWhole(string value, int from, int to)
        {
            if (_length + value.Length > _chars.Length)
            {
                Grow(value.Length);
            }

            value.AsSpan().CopyTo(_chars.AsSpan(_length));
            (_replacements ??= []).Add(new Replacement(_length, _length + value.Length, from, to));
            _length += value.Length;
        }

        public readonly MatchView ToView(int originalLength)
        {
            var text = new string(_chars, 0, _length);
            return _replacements is null
                ? new MatchView(text, originalLength)
                : new MatchView(text, originalLength, [.. _replacements]);
        }

        public readonly void Return() => ArrayPool<char>.Shared.Return(_chars);

        private void Grow(int atLeast)
        {
            int size = Math.Max(_chars.Length * 2, _length + atLeast);
            var bigger = ArrayPool<char>.Shared.Rent(size);
            _chars.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }
    }
}
