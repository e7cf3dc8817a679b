namespace Anvil.Core.Documents;

/// <summary>Why a stretch of text was marked as boilerplate.</summary>
public enum BoilerplateKind
{
    /// <summary>A line that starts with or holds a footer, breadcrumb, contact or copyright phrase.</summary>
    PhraseLine,

    /// <summary>A phrase marked where it stands (a share prompt inside a line of text).</summary>
    Phrase,

    /// <summary>A line of share-button names (微信 微博 Facebook).</summary>
    ShareButtons,

    /// <summary>The scraper's date stamp and body label at the very start (<c>2023-07-28 13:13，正文：</c>).</summary>
    LeadStamp,

    /// <summary>A line made only of punctuation: a rule (<c>---</c>) or a lone dash or bullet.</summary>
    PunctuationLine,

    /// <summary>A line left over from a broken image link (<c>.jpg)</c>).</summary>
    ImageUrlResidue,

    /// <summary>The markup of a markdown link or image (<c>![</c>, <c>](url)</c>); the caption stays text.</summary>
    LinkMarkup,

    /// <summary>A whole markdown link whose visible text is itself a URL or an e-mail address.</summary>
    LinkToUrl,

    /// <summary>A bare URL or an autolink (<c>&lt;https://…&gt;</c>).</summary>
    Url,

    /// <summary>A raw HTML tag inside a text or markdown file (<c>&lt;figure&gt;</c>, <c>&lt;img …&gt;</c>).</summary>
    HtmlTag,

    /// <summary>A line whose only content, once its links and URLs are marked, is a short label.</summary>
    UrlLine,
}

/// <summary>One stretch of boilerplate, with the rule that marked it (for tests and for explaining output).</summary>
public readonly record struct BoilerplateMark(TextSpan Span, BoilerplateKind Kind);
