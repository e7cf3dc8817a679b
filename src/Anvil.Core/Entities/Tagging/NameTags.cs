namespace Anvil.Core.Entities.Tagging;

/// <summary>
/// The kinds of name the statistical tagger marks, and its tags: O, then B- and I- for each kind
/// (tag 2k-1 begins a name of kind k, tag 2k continues it). Five kinds, eleven tags.
/// </summary>
public enum NameKind : byte
{
    None = 0,
    Person = 1,
    Place = 2,
    Company = 3,
    Government = 4,
    Organization = 5,
}

public static class NameTags
{
    public const int KindCount = 5;

    public const int Count = (2 * KindCount) + 1;

    public const int Outside = 0;

    public static int Begin(NameKind kind) => (2 * (int)kind) - 1;

    public static int Inside(NameKind kind) => 2 * (int)kind;

    public static NameKind KindOf(int tag) => tag == Outside ? NameKind.None : (NameKind)((tag + 1) / 2);

    public static bool IsBegin(int tag) => tag != Outside && (tag & 1) == 1;

    public static bool IsInside(int tag) => tag != Outside && (tag & 1) == 0;

    /// <summary>BIO order: an I- tag follows only a B- or I- tag of its own kind.</summary>
    public static bool CanFollow(int previous, int tag) =>
        !IsInside(tag) || (previous != Outside && KindOf(previous) == KindOf(tag));

    /// <summary>The entity type a kind stands for in Anvil's records.</summary>
    public static EntityType ToEntityType(this NameKind kind) => kind switch
    {
        NameKind.Person => EntityType.Person,
        NameKind.Place => EntityType.Place,
        NameKind.Company => EntityType.Company,
        NameKind.Government => EntityType.Government,
        _ => EntityType.Organization,
    };
}

/// <summary>A name the tagger found: a half-open range of the text it was given, and its kind.</summary>
public readonly record struct TaggedName(int Start, int End, NameKind Kind)
{
    public int Length => End - Start;
}
