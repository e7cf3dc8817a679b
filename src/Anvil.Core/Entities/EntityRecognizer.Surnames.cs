using Anvil.Core.Lexicons;

namespace Anvil.Core.Entities;

/// <summary>
/// A person named once in full is then often called by the surname and a title alone (王董事长, 李总理, 江主席): the
/// one character is the person of that surname the text last named in full before it, where the title follows it
/// (entities/person-titles.tsv) and the two together keep the text's words whole (苏 + 省长 in 江苏省长 is no surname;
/// the dictionary holds some such pairs as one word).
/// </summary>
public sealed partial class EntityRecognizer
{
    private const string SurnameTitleSource = "surname-title";

    private List<EntityCandidate> FindSurnamesBeforeTitles(string view, List<EntityCandidate> chosen)
    {
        if (_words is null || !chosen.Exists(c => c.Type == EntityType.Person))
        {
            return chosen; // without the dictionary a surname cannot be told from the end of a word
        }

        var personBySurname = new Dictionary<char, string>(); // the last person named in full, by one-character surname
        List<EntityCandidate>? more = null;
        int next = 0; // the first chosen name that does not end before the position
        for (int i = 0; i + 1 < view.Length; i++)
        {
            while (next < chosen.Count && chosen[next].End <= i)
            {
                var c = chosen[next++];
                if (c.Type == EntityType.Person && c.Source != SurnameTitleSource && c.Name.Length is >= 2 and <= 4 && TextClasses.IsHan(c.Name[0])
                    && _data.SurnameLookup.Contains(c.Name.AsSpan(0, 1)) && !_data.SurnameLookup.Contains(c.Name.AsSpan(0, 2)))
                {
                    personBySurname[c.Name[0]] = c.Name;
                }
            }

            // the title's first character first: one table lookup rules out most positions
            if (!_data.PersonTitles.CanStartWith(view[i + 1]) || !personBySurname.TryGetValue(view[i], out var person)
                || (next < chosen.Count && chosen[next].Start <= i))
            {
                continue; // no such person yet, no title, or inside a name already found (江 of 江泽民)
            }

            // a surname that is also a conjunction or a verb (和 + 秘书长, 任 + 总统) is that word before a title
            int title = _data.PersonTitles.LongestMatch(view, i + 1, out _);
            if (title > 0 && _words.ClassOf(view.AsSpan(i, 1)) is not (WordClass.Function or WordClass.Verb) && _words.KeepsWords(view, i, i + 1 + title))
            {
                (more ??= []).Add(new EntityCandidate(i, i + 1, person, EntityType.Person, PatternPriority, SurnameTitleSource));
            }
        }

        if (more is null)
        {
            return chosen;
        }

        chosen.AddRange(more);
        CandidateOrder.ByStart(chosen);
        return chosen;
    }
}
