using Anvil.Core.Documents;
using Anvil.Core.Entities;

namespace Anvil.Core.Facts;

/// <summary>
/// Who the figures come from: the body a sentence attributes them to (据X统计, X数据显示), a body whose release speaks
/// for the figures that follow (X发布), or a source named in the document's first lines. Words from facts/source-words.tsv.
/// </summary>
internal static class SourceAttribution
{
    /// <summary>How far into a document a source still speaks for all of it (a dateline, a lead 据X统计).</summary>
    private const int LeadLength = 120;

    /// <summary>
    /// The body the sentence's figures come from, and the discourse with the sentence's source taken in: a government
    /// body becomes the one 全市 refers to; a body that releases figures speaks for those that follow.
    /// </summary>
    public static (string? Source, Discourse Discourse) OfSentence(FactDocument doc, TextSpan sentence, Discourse discourse)
    {
        string? found = null;
        foreach (var m in doc.MentionsWithin(sentence.Start, sentence.End))
        {
            if (m.Type is not (EntityType.Government or EntityType.Media or EntityType.Organization or EntityType.Company or EntityType.Work))
            {
                continue;
            }

            var (says, onward) = Attribution(doc, m);
            if (m.Type == EntityType.Company && !says)
            {
                continue;
            }

            if (says)
            {
                found ??= m.Name;
                if (m.Type == EntityType.Government)
                {
                    discourse = discourse with { SourceBody = m };
                }

                if (onward)
                {
                    discourse = discourse with { OnwardSource = m.Name };
                }
            }
        }

        return (found, discourse);
    }

    /// <summary>A source named in the document's first lines speaks for all of it.</summary>
    public static string? OfLead(FactDocument doc)
    {
        foreach (var m in doc.Mentions)
        {
            if (m.View.Start > LeadLength)
            {
                break;
            }

            if (m.Type is EntityType.Government or EntityType.Organization && IsSourceRole(doc, m))
            {
                return m.Name;
            }
        }

        return null;
    }

    /// <summary>A body named as a source (据X, X统计, X、Y发布), not as what figures are about.</summary>
    public static bool IsSourceRole(FactDocument doc, Mention m)
    {
        if (m.Type is not (EntityType.Government or EntityType.Organization or EntityType.Media))
        {
            return false;
        }

        if (Attribution(doc, m).Says)
        {
            return true;
        }

        var after = doc.Text.AsSpan(m.View.End, Math.Min(6, doc.Text.Length - m.View.End));
        foreach (var joiner in doc.Data.Subjects.SourceJoiners)
        {
            if (after.StartsWith(joiner, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the words around a name attribute figures to it, and whether for the figures that follow too.</summary>
    private static (bool Says, bool Onward) Attribution(FactDocument doc, Mention m)
    {
        var text = doc.Text;
        var after = text.AsSpan(m.View.End, Math.Min(6, text.Length - m.View.End));
        bool says = false, onward = false;
        foreach (var (word, before, wordOnward) in doc.Data.SourceWords)
        {
            if (before)
            {
                says |= m.View.Start >= word.Length && text.AsSpan(m.View.Start - word.Length, word.Length).SequenceEqual(word);
            }
            else if (after.StartsWith(word, StringComparison.Ordinal))
            {
                says = true;
                onward |= wordOnward;
            }
        }

        return (says, onward);
    }
}
