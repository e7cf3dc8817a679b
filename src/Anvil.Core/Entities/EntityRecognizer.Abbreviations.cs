using Anvil.Core.Lexicons;

namespace Anvil.Core.Entities;

/// <summary>
/// One-character abbreviations of countries and divisions (places/abbreviations.tsv): 中 and 美 in 中美, 京 in
/// 京津冀, 港 in 港商. A character such as 美 or 中 is far more often part of an ordinary word (美丽, 中心) or of a
/// longer name (美国, 中亚) than a place, so it is read as one only where a reader reads it so: beside another
/// abbreviation of a different place (中美, 中、美、日, 沪苏浙) where the two are no ordinary word together (美德, 吉日), or beside a word that takes one (中方, 访华;
/// entities/abbreviation-words.tsv), and only where the stretch keeps the text's words whole by the word
/// dictionary's segmentation, and where the text names that place in full too. Each character is a place of its own;
/// a longer name over it wins in Resolve.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int AbbreviationPriority = 10;

    private void FindPlaceAbbreviations(string view, List<EntityCandidate> output)
    {
        if (_words is null)
        {
            return; // without the dictionary an abbreviation cannot be told from a word
        }

        var abbreviations = _data.PlaceAbbreviations;
        for (int i = 0; i < view.Length; i++)
        {
            if (!_abbreviationChars.Contains(view[i]))
            {
                continue;
            }

            int end = RunEnd(view, i, out int count);
            if (count >= 2)
            {
                AddRun(view, i, end, output);
                i = end - 1;
                continue;
            }

            var abbreviation = abbreviations[view[i]];
            if (i + 1 < view.Length && _data.AbbreviationWordsAfter.TryGetValue(view[i + 1], out bool countryOnly)
                && (!countryOnly || abbreviation.Country is not null) && _words.KeepsWords(view, i, i + 2))
            {
                output.Add(Abbreviation(i, abbreviation.Country ?? abbreviation.Place));
                if (abbreviation.Country is { } country && _data.AbbreviationBodyWords.Contains(view[i + 1]))
                {
                    // 日军, 英军: the country's armed forces, one of its bodies; the longer name wins in Resolve over the place
                    output.Add(new EntityCandidate(i, i + 2, view.Substring(i, 2), EntityType.Government, AbbreviationPriority, "abbreviation")
                    {
                        RequiresContext = _abbreviationContexts[country],
                    });
                }
            }
            else if (i > 0 && _data.AbbreviationWordsBefore.Contains(view[i - 1]) && _words.KeepsWords(view, i - 1, i + 1))
            {
                output.Add(Abbreviation(i, abbreviation.Place));
            }
        }
    }

    /// <summary>
    /// An abbreviation at <paramref name="at"/>, kept (as a district's short form is) only where the text also names its
    /// place in full: a report that says 中美 about trade names 美国 too, and one that never does (中欧班列, 法德股市 in a
    /// headline) speaks of the place only in passing.
    /// </summary>
    private EntityCandidate Abbreviation(int at, string place) =>
        new(at, at + 1, place, EntityType.Place, AbbreviationPriority, "abbreviation") { RequiresContext = _abbreviationContexts[place] };

    /// <summary>Where a run of abbreviations that starts at <paramref name="start"/> ends: side by side or between list marks (中、美).</summary>
    private int RunEnd(string view, int start, out int count)
    {
        int end = start + 1;
        count = 1;
        while (true)
        {
            if (end < view.Length && _abbreviationChars.Contains(view[end]))
            {
                end++;
                count++;
            }
            else if (end + 1 < view.Length && _data.ListSeparators.Contains(view[end]) && _abbreviationChars.Contains(view[end + 1]))
            {
                end += 2;
                count++;
            }
            else
            {
                return end;
            }
        }
    }

    /// <summary>
    /// The run begins a dictionary word whose rest is a word that takes a run (中美 + 关系, one word to the word
    /// dictionary): the run is places there as it is before 关系 written apart. A run inside a word that ends otherwise
    /// (台中, 晋中 + 市) is not read. A place's name opening such a word (两岸 + 关系) is kept the same way.
    /// </summary>
    private bool OpensWordBeforeRunWord(string view, int start, int end)
    {
        var (wordStart, wordEnd) = _words!.WordAround(view, start, end);
        return wordStart == start && wordEnd > end && _data.AbbreviationRunWordLookup.Contains(view.AsSpan(end, wordEnd - end));
    }

    /// <summary>
    /// A run of two or more abbreviations names its places when they are different places (not 中华), the run keeps
    /// the words around it whole (not 中 + 美丽, 节日 + 中) and holds no two that are an ordinary word together (美德).
    /// </summary>
    private void AddRun(string view, int start, int end, List<EntityCandidate> output)
    {
        var abbreviations = _data.PlaceAbbreviations;
        var span = view.AsSpan(start, end - start);
        if (!_words!.KeepsWords(view, start, end) && !OpensWordBeforeRunWord(view, start, end))
        {
            return;
        }

        var pairWords = _data.AbbreviationPairWordLookup;
        for (int k = start; k + 2 <= end; k++)
        {
            if (pairWords.Contains(view.AsSpan(k, 2)))
            {
                return;
            }
        }

        // a character that is both a country and a division (澳) is the division beside one that is only a division (港澳)
        bool division = false;
        foreach (char c in span)
        {
            division |= abbreviations.TryGetValue(c, out var a) && a.Country is null;
        }

        int first = -1;
        bool different = false;
        for (int k = start; k < end; k++)
        {
            if (!abbreviations.TryGetValue(view[k], out var a))
            {
                continue;
            }

            string place = division && a.Division is not null ? a.Division : a.Place;
            if (first >= 0 && place != output[first].Name)
            {
                different = true;
            }

            if (first < 0)
            {
                first = output.Count;
            }

            output.Add(Abbreviation(k, place));
        }

        if (!different && first >= 0)
        {
            output.RemoveRange(first, output.Count - first);
        }
    }

    /// <summary>The most characters of qualifier between a body and the alias naming its department (綜合 + 統計處).</summary>
    private const int MaxDepartmentQualifier = 4;

    private static bool AllHan(ReadOnlySpan<char> s)
    {
        foreach (char ch in s)
        {
            if (!TextClasses.IsHan(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// 經濟部統計處…統計處指出: a body written under a short alias the lexicon gives another body (统计处, Hong Kong's) is, where the
    /// text named before it a body whose name ends with the alias, that body: the text's own short form of it.
    /// </summary>
    private static void ShortFormsOfNamedBodies(string view, List<EntityCandidate> chosen)
    {
        // the bodies named so far, each with where it was last named: a few names, where walking back over every earlier
        // candidate for each alias was quadratic in a long text
        var lastNamed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < chosen.Count; k++)
        {
            var c = chosen[k];
            if (c.Type != EntityType.Government)
            {
                continue;
            }

            var surface = view.AsSpan(c.Start, c.End - c.Start);
            if (!surface.SequenceEqual(c.Name))
            {
                string? nearest = null;
                int nearestAt = -1;
                foreach (var (name, at) in lastNamed)
                {
                    if (at > nearestAt && chosen[at].End <= c.Start && name.Length > surface.Length && name.AsSpan().EndsWith(surface) && name != c.Name)
                    {
                        (nearest, nearestAt) = (name, at);
                    }
                }

                // 主計總處綜合統計處: the alias a word or two after a body named just before it is a department of that body, which
                // speaks for it (國家發改委產業司 → the commission)
                if (nearest is null && k > 0 && chosen[k - 1] is { Type: EntityType.Government } body && body.End <= c.Start
                    && c.Start - body.End <= MaxDepartmentQualifier && AllHan(view.AsSpan(body.End, c.Start - body.End)))
                {
                    nearest = body.Name;
                }

                if (nearest is not null)
                {
                    chosen[k] = c = c with { Name = nearest };
                }
            }

            lastNamed[c.Name] = k;
        }
    }
}
