using Anvil.Data;

namespace Anvil.Core.Quantities;

/// <summary>
/// Folds one character to the form the recognisers' word lists are written in: Simplified script
/// for the characters listed in the <c>script-variants.tsv</c> data files, half-width for full-width
/// ASCII forms. It lets the recognisers match Traditional text without a full script converter.
/// Immutable after construction; a lookup is one array read.
/// </summary>
internal sealed class CharFold
{
    private readonly char[] _map = new char[char.MaxValue + 1];

    public CharFold(IEnumerable<string> variantFiles)
    {
        for (int c = 0; c <= char.MaxValue; c++)
        {
            _map[c] = (char)c;
        }

        for (int c = 0xFF01; c <= 0xFF5E; c++)
        {
            _map[c] = (char)(c - 0xFEE0);
        }

        _map['\u3000'] = ' ';
        _map['\u2212'] = '-'; // minus sign
        _map['\u2013'] = '-'; // en dash
        _map['\uFE6A'] = '%'; // small percent sign
        _map['\u3001'] = '、';

        foreach (var file in variantFiles)
        {
            foreach (var line in DataFiles.ReadLines(file))
            {
                var cells = line.Split('\t');
                if (cells.Length < 2 || cells[0].Length != 1 || cells[1].Length != 1)
                {
                    throw new InvalidDataException($"E0201: {file}: '{line}' must be two single characters separated by a tab");
                }

                _map[cells[0][0]] = cells[1][0];
            }
        }
    }

    public char this[char c] => _map[c];

    /// <summary>Folds a whole word (data-file keys go through the same table as the text).</summary>
    public string Fold(string s) => string.Create(s.Length, (s, this), static (span, state) =>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = state.Item2._map[state.s[i]];
        }
    });
}
