using Anvil.Analytics.Chains;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Chains;

/// <summary>Which cities the coverage matrix shows: repeat the parameter or separate names with commas; every placed city when none.</summary>
public sealed record ChainsRequest
{
    [FromQuery(Name = "city")] public string[]? City { get; init; }
}

/// <summary>A cut, as <c>anvil chains shock --cut STAGE [--outside PLACE]</c> takes it.</summary>
public sealed record ShockRequest
{
    /// <summary>A stage name (芯片), chain/stage (人工智能/芯片, ai/chips) or a product word.</summary>
    [FromQuery(Name = "cut")] public string? Cut { get; init; }

    /// <summary>A city, province or region whose inner supply lines stay open (深圳, 长三角, 中国).</summary>
    [FromQuery(Name = "outside")] public string? Outside { get; init; }
}

/// <summary>Why a company sits in a stage or a city: <c>kind</c> relation, text, fact, user or lexicon; a document's span and quote, or a file line (<c>origin</c>).</summary>
public sealed record ChainEvidenceItem(string Kind, string Detail, string? Doc, int? Start, int? End, string? Quote, string? Origin, string? Href)
{
    /// <summary>The sentence of the quote that states it (<see cref="ChainEvidence.Sentence"/>), for the page; the API gives the whole quote.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Sentence { get; init; }

    public static ChainEvidenceItem From(ChainEvidence e) =>
        new(e.KindName, e.Detail, e.Doc, e.Start, e.End, e.Quote, e.Origin, e.Doc is null ? null : Links.Document(e.Doc)) { Sentence = e.Sentence };
}

/// <summary>
/// A company that makes a stage in a city, with the evidence for the stage and for the city. <c>basis</c>: <c>stated_here</c>
/// (a statement places the work in the city: 盐城电池工厂, 在苏州量产) or <c>home</c> (said of the company, whose home the city is).
/// </summary>
public sealed record ChainSupplier(string Company, string City, IReadOnlyList<ChainEvidenceItem> Evidence, IReadOnlyList<ChainEvidenceItem> CityEvidence, string Basis)
{
    public static ChainSupplier From(StageSupplier s) =>
        new(s.Company, s.City, [.. s.StageEvidence.Select(ChainEvidenceItem.From)], [.. s.CityEvidence.Select(ChainEvidenceItem.From)], s.BasisName);
}

/// <summary>A stage of a chain: <c>key</c> is chain/stage by id (ai/chips), <c>weight</c> its weight in the closure score.</summary>
public sealed record ChainStageInfo(string Id, string Key, string Name, double Weight);

/// <summary>A chain template, its stages from upstream to downstream.</summary>
public sealed record ChainInfo(string Id, string Name, IReadOnlyList<ChainStageInfo> Stages);

/// <summary>One cell of the matrix: how many local companies make the stage, and which, with evidence.</summary>
public sealed record ChainStageCell(string Stage, string StageName, int Count, IReadOnlyList<ChainSupplier> Suppliers);

/// <summary>One chain in one city: <c>closure</c> is the weighted share of its stages made locally (0 to 1).</summary>
public sealed record CityChain(string Chain, string ChainName, double Closure, int CoveredStages, IReadOnlyList<ChainStageCell> Stages);

/// <summary>A row of the matrix: every chain in one city.</summary>
public sealed record CityCoverage(string City, IReadOnlyList<CityChain> Chains);

/// <summary>The coverage matrix: the chains (columns) and the cities (rows).</summary>
public sealed record ChainsResponse(IReadOnlyList<ChainInfo> Chains, IReadOnlyList<CityCoverage> Cities);

/// <summary>
/// One cut stage of a chain a city has. <c>outcome</c>: lost, kept_in_place (another city inside the place makes it) or
/// kept_locally; <c>inside_place</c> is null without a place; <c>cut_off</c> are the makers whose supply no longer reaches the city.
/// </summary>
public sealed record ShockItem(string City, string Chain, string ChainName, string Stage, string StageName, string Outcome, double Closure,
    bool? InsidePlace, IReadOnlyList<ChainSupplier> Local, IReadOnlyList<ChainSupplier> InPlace, IReadOnlyList<ChainSupplier> CutOff);

/// <summary>The outcome of a cut: the stages <c>cut</c> named, the place (as resolved), and a row per city and chain with the stage; lost first.</summary>
public sealed record ShockResponse(string Cut, IReadOnlyList<ChainStageInfo> Stages, string? Outside, IReadOnlyList<ShockItem> Rows);
