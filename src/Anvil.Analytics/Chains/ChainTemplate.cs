namespace Anvil.Analytics.Chains;

/// <summary>
/// One stage of an industrial chain (芯片 of 人工智能, 电池 of 新能源汽车): the product and technology words that place
/// a company in it, in Simplified script, and its weight in a city's closure score.
/// </summary>
/// <param name="Id">Short Latin id, unique in its chain (<c>chips</c>); <c>ai/chips</c> names it across chains.</param>
/// <param name="Name">The name people use (<c>算力/云计算</c>); each part around a slash names it too.</param>
public sealed record ChainStage(string Id, string Name, double Weight, IReadOnlyList<string> Words)
{
    /// <summary>The parts of the name around slashes (算力/云计算 → 算力, 云计算).</summary>
    public IEnumerable<string> NameParts => Name.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// An industrial chain as data (<c>src/Anvil.Data/data/chains/*.yaml</c>, or a user's folder): its stages in order
/// from upstream to downstream. <see cref="Source"/> says where it was read (<c>built-in</c> or a file path).
/// </summary>
public sealed record ChainTemplate(string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<ChainStage> Stages, string Source)
{
    /// <summary>Words that look like this chain's but place nothing (充电宝 is no 充电).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public double TotalWeight => Stages.Sum(s => s.Weight);

    public ChainStage? Stage(string id) => Stages.FirstOrDefault(s => s.Id == id);
}

/// <summary>A stage with its chain, for results that span chains.</summary>
public sealed record StageRef(ChainTemplate Chain, ChainStage Stage)
{
    /// <summary><c>ai/chips</c>.</summary>
    public string Key => Chain.Id + "/" + Stage.Id;

    /// <summary><c>人工智能/芯片</c>.</summary>
    public string Label => Chain.Name + "/" + Stage.Name;

    public bool Equals(StageRef? other) => other is not null && other.Key == Key;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);
}
