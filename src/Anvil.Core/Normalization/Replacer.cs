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
            if (!table.CanStart(text[i]))
            {
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
    /// the first one that does not, each view character records the original range it came from
    /// (its own character for a same-length replacement, the whole key otherwise).
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
                // most characters start no key: they are copied a run at a time
                int run = i;
                while (run < n && !table.CanStart(input[run]))
                {
                    run++;
                }

                if (run > i)
                {
                    output.Copy(input[i..run], i);
                    i = run;
                    continue;
                }

                int k = table.Match(input, i, out string value);
                if (k == 0)
                {
                    output.Copy(input.Slice(i, 1), i);
                    i++;
                    continue;
                }

                if (value.Length == k)
                {
                    output.ReplaceSameLength(value, i);
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

    /// <summary>The growing view text and, once needed, its offset map; buffers come from the pool.</summary>
    private struct Output(int originalLength)
    {
        private char[] _chars = ArrayPool<char>.Shared.Rent(Math.Max(16, originalLength + (originalLength >> 4)));
        private int[]? _starts;
        private int[]? _ends;
        private int _length;

        /// <summary>Copies characters unchanged from <paramref name="from"/> on.</summary>
        public void Copy(ReadOnlySpan<char> chars, int from)
        {
            if (_length + chars.Length > _chars.Length)
            {
                Grow(chars.Length);
            }

            chars.CopyTo(_chars.AsSpan(_length));
            if (_starts is not null)
            {
                for (int j = 0; j < chars.Length; j++)
                {
                    _starts[_length + j] = from + j;
                    _ends![_length + j] = from + j + 1;
                }
            }

            _length += chars.Length;
        }

        public void ReplaceSameLength(string value, int from)
        {
            if (_length + value.Length > _chars.Length)
            {
                Grow(value.Length);
            }

            value.AsSpan().CopyTo(_chars.AsSpan(_length));
            if (_starts is not null)
            {
                for (int j = 0; j < value.Length; j++)
                {
                    _starts[_length + j] = from + j;
                    _ends![_length + j] = from + j + 1;
                }
            }

            _length += value.Length;
        }

        public void ReplaceWhole(string value, int from, int to)
        {
            if (_length + value.Length > _chars.Length)
            {
                Grow(value.Length);
            }

            if (_starts is null)
            {
                // until now every view position was its original position
                _starts = ArrayPool<int>.Shared.Rent(_chars.Length);
                _ends = ArrayPool<int>.Shared.Rent(_chars.Length);
                for (int p = 0; p < _length; p++)
                {
                    _starts[p] = p;
                    _ends[p] = p + 1;
                }
            }

            value.AsSpan().CopyTo(_chars.AsSpan(_length));
            _starts.AsSpan(_length, value.Length).Fill(from);
            _ends.AsSpan(_length, value.Length).Fill(to);
            _length += value.Length;
        }

        public readonly MatchView ToView(int originalLength)
        {
            var text = new string(_chars, 0, _length);
            if (_starts is null)
            {
                return new MatchView(text, originalLength);
            }

            return new MatchView(text, originalLength, _starts.AsSpan(0, _length).ToArray(), _ends.AsSpan(0, _length).ToArray());
        }

        public readonly void Return()
        {
            ArrayPool<char>.Shared.Return(_chars);
            if (_starts is not null)
            {
                ArrayPool<int>.Shared.Return(_starts);
                ArrayPool<int>.Shared.Return(_ends!);
            }
        }

        private void Grow(int atLeast)
        {
            int size = Math.Max(_chars.Length * 2, _length + atLeast);
            _chars = Resize(_chars, size, _length);
            if (_starts is not null)
            {
                _starts = Resize(_starts, size, _length);
                _ends = Resize(_ends!, size, _length);
            }
        }

        private static T[] Resize<T>(T[] old, int size, int used)
        {
            var bigger = ArrayPool<T>.Shared.Rent(size);
            old.AsSpan(0, used).CopyTo(bigger);
            ArrayPool<T>.Shared.Return(old);
            return bigger;
        }
    }
}
