using Anvil.Analytics.Chains;
using Anvil.Store.Records;
using Anvil.Web.Data;

namespace Anvil.Web.Features.Chains;

/// <summary>
/// Placing every company reads the whole knowledge base, so the placements are kept until the store's counts change
/// (an upload adds documents, records or both).
/// </summary>
internal sealed class ChainCache
{
    private readonly Lock _gate = new();
    private (StoreCounts Counts, ChainPlacements Placements)? _last;

    public ChainPlacements Placements(StoreAccess access) => access.Use(store =>
    {
        var counts = store.Counts();
        lock (_gate)
        {
            if (_last is { } last && last.Counts == counts)
            {
                return last.Placements;
            }
        }

        var placements = ChainAnalysis.Place(store, ChainCatalog.BuiltIn);
        lock (_gate)
        {
            _last = (counts, placements);
        }

        return placements;
    });
}
