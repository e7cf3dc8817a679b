namespace Anvil.Core.Entities;

/// <summary>The entity types of the extraction spec.</summary>
public enum EntityType
{
    Place,
    Company,
    Person,
    Government,
    Organization,
    University,
    Media,
    Group,
    Work,
    Product,
    Industry,
}

public static class EntityTypeNames
{
    private static readonly string[] Names =
        ["place", "company", "person", "government", "organization", "university", "media", "group", "work", "product", "industry"];

    public static string ToSpecName(this EntityType type) => Names[(int)type];

    public static bool TryParse(string name, out EntityType type)
    {
        int i = Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        type = i < 0 ? default : (EntityType)i;
        return i >= 0;
    }
}
