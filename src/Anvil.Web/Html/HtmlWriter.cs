using System.Globalization;
using System.Text;

namespace Anvil.Web.Html;

/// <summary>
/// Writes HTML in which every piece of text and every attribute value is escaped. Tag and attribute names come from
/// Anvil's own code (checked to be plain names); nothing read from a document or a request ever becomes markup.
/// Chinese stays as characters (UTF-8), not as numeric entities.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _out = new();

    public override string ToString() => _out.ToString();

    /// <summary>Text content, escaped.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Escape(_out, text);
        }

        return this;
    }

    public HtmlWriter Text(long number) => Text(number.ToString(CultureInfo.InvariantCulture));

    /// <summary>An opening tag; attributes whose value is null are left out, an empty value writes the bare attribute.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        CheckName(tag);
        _out.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            CheckName(name);
            _out.Append(' ').Append(name);
            if (value.Length > 0)
            {
                Escape(_out.Append("=\""), value).Append('"');
            }
        }

        _out.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        CheckName(tag);
        _out.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>An element whose content <paramref name="content"/> writes.</summary>
    public HtmlWriter Element(string tag, Action<HtmlWriter> content, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        Open(tag, attributes);
        content(this);
        return Close(tag);
    }

    /// <summary>A link to a page of this application (a path that starts with one slash: never a scheme, never another host).</summary>
    public HtmlWriter Link(string href, string? text, string? @class = null) =>
        Element("a", text, ("href", Links.Local(href)), ("class", @class));

    /// <summary>Markup Anvil made itself and escaped already (an <see cref="Charts.Svg"/> drawing).</summary>
    public HtmlWriter Markup(TrustedMarkup markup)
    {
        _out.Append(markup.Value);
        return this;
    }

    /// <summary>
    /// Escapes the five characters that can open or close markup or an attribute (<c>&amp; &lt; &gt; " '</c>) and NUL;
    /// every other character, Chinese and characters beyond the BMP included, is written as itself in UTF-8.
    /// </summary>
    public static StringBuilder Escape(StringBuilder output, string text)
    {
        foreach (char c in text)
        {
            _ = c switch
            {
                '&' => output.Append("&amp;"),
                '<' => output.Append("&lt;"),
                '>' => output.Append("&gt;"),
                '"' => output.Append("&quot;"),
                '\'' => output.Append("&#39;"),
                '\0' => output.Append('\uFFFD'),
                _ => output.Append(c),
            };
        }

        return output;
    }

    private static void CheckName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == ':'))
        {
            throw new ArgumentException($"not an HTML name: {name}", nameof(name));
        }
    }
}

/// <summary>Markup built by Anvil's own writers, every text in it escaped: the only kind <see cref="HtmlWriter"/> copies as is.</summary>
internal readonly record struct TrustedMarkup(string Value);
