using System.Globalization;
using Anvil.Analytics.Chains;
using Anvil.Web.Data;
using Anvil.Web.Html;

namespace Anvil.Web.Features.Chains;

/// <summary>
/// The chains page and <c>/api/chains</c>, <c>/api/chains/shock</c>: per city and industrial chain, the stages local
/// companies make (with the evidence that places them) and the closure score; and what a cut of a stage's supply lines
/// takes from which city, as <c>anvil chains coverage</c> and <c>anvil chains shock</c> say it.
/// </summary>
internal static class Chains
{
    public const int MaxCities = 50;
    private const int EvidenceShown = 3;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chains", (StoreAccess store, ChainCache cache, [AsParameters] ChainsRequest request) => Coverage(cache.Placements(store), request))
            .WithName("chains").WithSummary("Per city and industrial chain, the stages local companies make, with evidence, and the closure score (city=深圳)");
        app.MapGet("/api/chains/shock", (StoreAccess store, ChainCache cache, [AsParameters] ShockRequest request) => Shock(cache.Placements(store), request))
            .WithName("chains_shock").WithSummary("Which chains in which cities lose a stage when its supply lines are cut (cut=芯片&outside=深圳)");
        app.MapGet("/chains", (StoreAccess store, ChainCache cache, HttpContext context, [AsParameters] ChainsRequest request, [AsParameters] ShockRequest shock) =>
            Render(context, cache.Placements(store), request, shock)).ExcludeFromDescription();
    }

    public static ChainsResponse Coverage(ChainPlacements placements, ChainsRequest request)
    {
        var cities = Check.NameList("city", request.City, MaxCities);
        var rows = ChainAnalysis.Coverage(placements, cities, includeEmpty: true)
            .GroupBy(c => c.City, StringComparer.Ordinal)
            .Select(g => new CityCoverage(g.Key, [.. g.Select(c => new CityChain(c.Chain.Id, c.Chain.Name, c.Closure, c.CoveredStages,
                [.. c.Stages.Select(s => new ChainStageCell(s.Stage.Id, s.Stage.Name, s.Suppliers.Count, [.. s.Suppliers.Select(ChainSupplier.From)]))]))]))
            .ToList();
        return new ChainsResponse([.. placements.Catalog.Chains.Select(Info)], rows);
    }

    public static ShockResponse? Shock(ChainPlacements placements, ShockRequest request, bool optional = false)
    {
        var cut = Check.Text("cut", request.Cut);
        var outside = Check.Text("outside", request.Outside);
        if (cut is null)
        {
            return optional && outside is null ? null
                : throw WebException.BadParameter($"cut: name the stage to cut, one of: {StageList(placements.Catalog)}");
        }

        ShockReport report;
        try
        {
            report = ChainAnalysis.Shock(placements, cut, outside);
        }
        catch (ChainDataException e) when (e.Code == ChainErrorCodes.UnknownStage)
        {
            throw WebException.BadParameter($"cut: no chain has a stage '{Check.Shorten(cut)}'; the stages are: {StageList(placements.Catalog)}");
        }
        catch (ChainDataException e) when (e.Code == ChainErrorCodes.UnknownPlace)
        {
            throw WebException.BadParameter($"outside: '{Check.Shorten(outside)}' is no city, province or region Anvil knows, and no company is placed there; " +
                $"try one of: {string.Join(", ", placements.Cities)}, 长三角, 粤港澳大湾区, 中国");
        }

        return new ShockResponse(cut, [.. report.Stages.Select(s => StageInfo(s.Chain, s.Stage))], report.Outside, [.. report.Rows.Select(r => new ShockItem(
            r.City, r.Chain.Id, r.Chain.Name, r.Stage.Id, r.Stage.Name, Outcome(r.Outcome), r.Closure, report.Outside is null ? null : r.InsidePlace,
            [.. r.Local.Select(ChainSupplier.From)], [.. r.InPlace.Select(ChainSupplier.From)], [.. r.CutOff.Select(ChainSupplier.From)]))]);
    }

    private static string Outcome(ShockOutcome outcome) => outcome switch
    {
        ShockOutcome.Lost => "lost",
        ShockOutcome.KeptInPlace => "kept_in_place",
        _ => "kept_locally",
    };

    private static ChainInfo Info(ChainTemplate chain) => new(chain.Id, chain.Name, [.. chain.Stages.Select(s => StageInfo(chain, s))]);

    private static ChainStageInfo StageInfo(ChainTemplate chain, ChainStage stage) => new(stage.Id, new StageRef(chain, stage).Key, stage.Name, stage.Weight);

    private static string StageList(ChainCatalog catalog) =>
        string.Join(", ", catalog.Chains.SelectMany(c => c.Stages.Select(s => $"{c.Name}/{s.Name} ({c.Id}/{s.Id})")));

    private static string Percent(double share) => Math.Round(share * 100).ToString(CultureInfo.InvariantCulture) + "%";

    private static IResult Render(HttpContext context, ChainPlacements placements, ChainsRequest request, ShockRequest shockRequest)
    {
        var coverage = Coverage(placements, request);
        var shock = Shock(placements, shockRequest, optional: true);
        return Layout.Page(context, "Industrial chains", "chains", html =>
        {
            Matrix(html, coverage);
            ShockSection(html, placements, shockRequest, shock);
            Evidence(html, coverage);
        });
    }

    private static string EvidenceId(int city, int chain, int stage) => string.Create(CultureInfo.InvariantCulture, $"ev-{city}-{chain}-{stage}");

    private static void Matrix(HtmlWriter html, ChainsResponse coverage)
    {
        html.Element("h2", "Coverage");
        if (coverage.Cities.Count == 0)
        {
            Layout.Note(html, "No company in the knowledge base is placed in a chain stage and a city yet.");
            return;
        }

        html.Element("p", "Each cell counts the local companies that make the stage (its link leads to the evidence); closure is the weighted share " +
            "of the chain the city makes itself.", ("class", "muted"));
        html.Open("div", ("class", "matrix-scroll"));
        html.Open("table", ("class", "chains-matrix"));
        html.Open("thead").Open("tr");
        html.Element("th", "city", ("scope", "col"), ("rowspan", "2"));
        foreach (var chain in coverage.Chains)
        {
            html.Element("th", chain.Name, ("scope", "colgroup"), ("colspan", (chain.Stages.Count + 1).ToString(CultureInfo.InvariantCulture)),
                ("class", "chain"), ("data-chain", chain.Id));
        }

        html.Close("tr").Open("tr");
        foreach (var chain in coverage.Chains)
        {
            foreach (var stage in chain.Stages)
            {
                html.Element("th", stage.Name, ("scope", "col"), ("class", "stage"));
            }

            html.Element("th", "closure", ("scope", "col"), ("class", "closure"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        for (int i = 0; i < coverage.Cities.Count; i++)
        {
            var city = coverage.Cities[i];
            html.Open("tr", ("data-city", city.City));
            html.Element("td", city.City, ("class", "city"), ("data-h", "city"));
            for (int j = 0; j < city.Chains.Count; j++)
            {
                var chain = city.Chains[j];
                for (int k = 0; k < chain.Stages.Count; k++)
                {
                    var cell = chain.Stages[k];
                    html.Open("td", ("data-h", $"{chain.ChainName} · {cell.StageName}"), ("data-chain", chain.Chain), ("data-stage", cell.StageName),
                        ("class", cell.Count > 0 ? "n covered" : "n none"));
                    if (cell.Count > 0)
                    {
                        html.Element("a", cell.Count.ToString(CultureInfo.InvariantCulture), ("href", "#" + EvidenceId(i, j, k)),
                            ("title", string.Join("、", cell.Suppliers.Select(s => s.Company))));
                    }
                    else
                    {
                        html.Text("0");
                    }

                    html.Close("td");
                }

                html.Element("td", Percent(chain.Closure), ("data-h", $"{chain.ChainName} · closure"), ("data-chain", chain.Chain),
                    ("class", "closure" + (chain.CoveredStages == 0 ? " none" : "")));
            }

            html.Close("tr");
        }

        html.Close("tbody").Close("table").Close("div");
    }

    private static void ShockSection(HtmlWriter html, ChainPlacements placements, ShockRequest request, ShockResponse? shock)
    {
        html.Element("h2", "Shock: cut a stage", ("id", "shock"));
        html.Open("form", ("class", "filters shock"), ("method", "get"), ("action", "/chains#shock"));
        html.Open("label").Text("Stage to cut").Open("input", ("type", "text"), ("name", "cut"), ("value", request.Cut ?? ""), ("list", "chain-stages"),
            ("placeholder", "芯片"), ("maxlength", "200")).Close("label");
        html.Open("label").Text("Outside (optional)").Open("input", ("type", "text"), ("name", "outside"), ("value", request.Outside ?? ""),
            ("list", "chain-places"), ("placeholder", "深圳, 长三角"), ("maxlength", "200")).Close("label");
        html.Element("button", "Cut", ("type", "submit"));
        html.Open("datalist", ("id", "chain-stages"));
        foreach (var name in placements.Catalog.Chains.SelectMany(c => c.Stages.Select(s => s.Name)).Distinct(StringComparer.Ordinal)
                     .Concat(placements.Catalog.Chains.SelectMany(c => c.Stages.Select(s => c.Name + "/" + s.Name))))
        {
            html.Open("option", ("value", name));
        }

        html.Close("datalist").Open("datalist", ("id", "chain-places"));
        foreach (var city in placements.Cities.Concat(["长三角", "粤港澳大湾区", "中国"]))
        {
            html.Open("option", ("value", city));
        }

        html.Close("datalist").Close("form");
        if (shock is null)
        {
            Layout.Note(html, "Name a stage (芯片, 电池, 人工智能/芯片) to see which cities' chains lose it when its supply lines are cut; with a place, lines inside it stay open.");
            return;
        }

        var stages = string.Join(", ", shock.Stages.Select(s => s.Key));
        var labels = string.Join(", ", shock.Stages.Select(s => s.Name).Distinct(StringComparer.Ordinal));
        html.Element("p", shock.Outside is null
            ? $"Cut: {labels} ({stages}) crosses no city border; each city keeps it only where a company in the city makes it."
            : $"Cut: {labels} ({stages}) from outside {shock.Outside}; lines inside {shock.Outside} stay open, a city outside keeps the stage only where it makes it itself.",
            ("class", "summary"));
        if (shock.Rows.Count == 0)
        {
            Layout.Note(html, "No city makes any stage of a chain with this stage: nothing to lose.");
            return;
        }

        var lost = shock.Rows.Where(r => r.Outcome == "lost").ToList();
        if (lost.Count > 0)
        {
            html.Open("ul", ("class", "lost"));
            foreach (var row in lost)
            {
                html.Element("li", $"{row.City} loses {row.StageName} in {row.ChainName}");
            }

            html.Close("ul");
        }
        else
        {
            Layout.Note(html, "Every city with the chain keeps the stage.");
        }

        html.Open("table", ("class", "shock"));
        html.Open("thead").Open("tr");
        foreach (var h in (string[])["city", "chain", "stage", "outcome", "closure", "made locally by", "from inside the place", "cut off from"])
        {
            html.Element("th", h, ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in shock.Rows)
        {
            html.Open("tr", ("class", "outcome-" + row.Outcome), ("data-city", row.City));
            html.Element("td", row.City + (row.InsidePlace == true ? " (inside)" : ""), ("data-h", "city"));
            html.Element("td", row.ChainName, ("data-h", "chain"));
            html.Element("td", row.StageName, ("data-h", "stage"));
            html.Element("td", row.Outcome.Replace('_', ' '), ("data-h", "outcome"), ("class", "outcome"));
            html.Element("td", Percent(row.Closure), ("data-h", "closure"), ("class", "num"));
            Suppliers(html, row.Local, "made locally by", withCity: false);
            Suppliers(html, row.InPlace, "from inside the place", withCity: true);
            Suppliers(html, row.CutOff, "cut off from", withCity: true);
            html.Close("tr");
        }

        html.Close("tbody").Close("table");
    }

    /// <summary>Companies in a cell, each linked to the document of its strongest evidence where there is one.</summary>
    private static void Suppliers(HtmlWriter html, IReadOnlyList<ChainSupplier> suppliers, string heading, bool withCity)
    {
        html.Open("td", ("data-h", heading), ("class", "suppliers"));
        if (suppliers.Count > 0)
        {
            html.Open("ul", ("class", "companies"));
            foreach (var s in suppliers)
            {
                var name = withCity ? $"{s.Company} ({s.City})" : s.Company;
                var first = s.Evidence.FirstOrDefault(e => e.Href is not null);
                html.Open("li");
                if (first is not null)
                {
                    html.Element("a", name, ("href", Links.Local(first.Href!)), ("title", first.Quote ?? first.Detail));
                }
                else
                {
                    html.Element("span", name, ("title", s.Evidence.Count > 0 ? s.Evidence[0].Detail : null));
                }

                html.Close("li");
            }

            html.Close("ul");
        }

        html.Close("td");
    }

    private static void Evidence(HtmlWriter html, ChainsResponse coverage)
    {
        if (coverage.Cities.Count == 0)
        {
            return;
        }

        html.Element("h2", "Evidence", ("id", "evidence"));
        for (int i = 0; i < coverage.Cities.Count; i++)
        {
            var city = coverage.Cities[i];
            html.Open("section", ("class", "city-evidence"), ("data-city", city.City));
            html.Element("h3", city.City);
            html.Open("ul", ("class", "records"));
            for (int j = 0; j < city.Chains.Count; j++)
            {
                var chain = city.Chains[j];
                for (int k = 0; k < chain.Stages.Count; k++)
                {
                    var cell = chain.Stages[k];
                    if (cell.Count == 0)
                    {
                        continue;
                    }

                    html.Open("li", ("id", EvidenceId(i, j, k)), ("class", "record stage-evidence"));
                    html.Element("strong", $"{chain.ChainName} · {cell.StageName}");
                    foreach (var s in cell.Suppliers)
                    {
                        html.Open("div", ("class", "supplier"), ("data-basis", s.Basis));
                        html.Element("b", s.Company);
                        html.Element("span", s.Basis == "stated_here" ? $" — the statement places the work in {city.City}" : $" — said of the company, whose home is {city.City}",
                            ("class", "basis muted"));
                        Items(html, s.Evidence);
                        if (s.CityEvidence.Count > 0)
                        {
                            html.Open("div", ("class", "in-city")).Text($"in {city.City}: ");
                            Item(html, s.CityEvidence[0]);
                            html.Close("div");
                        }

                        html.Close("div");
                    }

                    html.Close("li");
                }
            }

            html.Close("ul").Close("section");
        }
    }

    private static void Items(HtmlWriter html, IReadOnlyList<ChainEvidenceItem> items)
    {
        html.Open("ul", ("class", "evidence"));
        foreach (var e in items.Take(EvidenceShown))
        {
            html.Open("li");
            Item(html, e);
            html.Close("li");
        }

        if (items.Count > EvidenceShown)
        {
            html.Element("li", $"+{items.Count - EvidenceShown} more", ("class", "muted"));
        }

        html.Close("ul");
    }

    private static void Item(HtmlWriter html, ChainEvidenceItem e)
    {
        if (!e.Detail.StartsWith(e.Kind, StringComparison.Ordinal))
        {
            html.Element("span", e.Kind + " ", ("class", "kind"));
        }

        html.Text(e.Detail + " ");
        if (e.Quote is not null && e.Href is not null)
        {
            html.Open("q").Link(e.Href, e.Sentence ?? e.Quote).Close("q");
            html.Element("span", " " + e.Doc, ("class", "muted"));
        }
        else if (e.Origin is not null)
        {
            html.Element("span", e.Origin, ("class", "muted"));
        }
    }
}
