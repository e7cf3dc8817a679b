using Anvil.Analytics.Chains;
using Anvil.Web.Data;

namespace Anvil.Web.Features.Chains;

/// <summary>
/// Placing every company reads the whole knowledge base, so the placements are kept until the store's data version
/// changes (an upload or an ingest writes).
/// </summary>
internal sealed class ChainCache
{
    private readonly Lock _gate = new();
    private (long Version, ChainPlacements Placements)? _last;

    public ChainPlacements Placements(StoreAccess access) => access.Use(store =>
    {
        long version = store.DataVersion();
        lock (_gate)
        {
            if (_last is { } last && last.Version == version)
            {
                return last.Placements;
            }
        }

        var placements = ChainAnalysis.Place(store, ChainCatalog.BuiltIn);
        lock (_gate)
        {
            _last = (version, placements);
        }

        return placements;
    });
}
