namespace Anvil.Core.Documents;

/// <summary>Lists of mentions in order of where they start.</summary>
internal static class StartOrder
{
    /// <summary>
    /// <paramref name="items"/> in order of <paramref name="start"/>, as a stable sort by it leaves them: the list itself where
    /// it is in that order already (the recognisers' mentions mostly are), else a stable sort of it (OrderBy).
    /// </summary>
    public static List<T> Sorted<T>(List<T> items, Func<T, int> start)
    {
        for (int i = 1; i < items.Count; i++)
        {
            if (start(items[i]) < start(items[i - 1]))
            {
                return [.. items.OrderBy(start)];
            }
        }

        return items;
    }
}
