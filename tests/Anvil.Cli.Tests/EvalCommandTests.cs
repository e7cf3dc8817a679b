using System.Diagnostics;
using System.Text.Json;
using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("gold", "seeds", "corpus/dev")]
    [InlineData("gold-dev2", "corpus/dev2", null)]
    public void Eval_agrees_with_the_reference_scorer_on_the_shared_gold(string goldFolder, string corpus, string? more)
    {
        var gold = SharedFolder.RequireOrSkip(goldFolder);
        var scorer = SharedFolder.RequireOrSkip("tools/score.py");
        string[] inputs = more is null ? [SharedFolder.RequireOrSkip(corpus)] : [SharedFolder.RequireOrSkip(corpus), SharedFolder.RequireOrSkip(more)];
        var extract = AnvilProcess.Run(["extract", .. inputs], timeoutSeconds: 300);
        Assert.Equal(0, extract.ExitCode);
        var pred = Path.Combine(_dir, "pred.jsonl");
        File.WriteAllText(pred, extract.Stdout);

        var ours = AnvilProcess.Run(["eval", "--gold", gold, "--pred", pred, "--json"]);
        Assert.Equal(0, ours.ExitCode);
        var reference = RunPython(scorer, pred, gold);
        if (reference is null)
        {
            Assert.Skip("python3 is not available to run the reference scorer");
        }

        using var a = JsonDocument.Parse(ours.Stdout);
        using var b = JsonDocument.Parse(reference);
        foreach (var kind in new[] { "facts", "entities", "relations" })
        {
            var x = a.RootElement.GetProperty(kind);
            var y = b.RootElement.GetProperty(kind);
            foreach (var field in new[] { "tp", "fp", "fn", "precision", "recall", "f1" })
            {
                Assert.True(x.GetProperty(field).GetDouble() == y.GetProperty(field).GetDouble(),
                    $"{kind}.{field}: anvil eval {x.GetProperty(field)} vs score.py {y.GetProperty(field)}");
            }
        }

        var attributes = a.RootElement.GetProperty("facts").GetProperty("attribute_accuracy");
        var expected = b.RootElement.GetProperty("facts").GetProperty("attribute_accuracy");
        foreach (var attribute in expected.EnumerateObject())
        {
            Assert.Equal(attribute.Value.GetDouble(), attributes.GetProperty(attribute.Name).GetDouble());
        }

        Assert.Equal(expected.EnumerateObject().Count(), attributes.EnumerateObject().Count());
    }

    [Fact]
    public void Eval_meets_gold_bounds_with_a_range_and_scores_status_and_basis_only_where_the_gold_has_them()
    {
        var goldDir = Directory.CreateDirectory(Path.Combine(_dir, "gold-range")).FullName;
        var pred = Path.Combine(_dir, "range.jsonl");
        File.WriteAllText(Path.Combine(goldDir, "r.facts.jsonl"),
            """
            {"doc":"r","span":[0,9],"quote":"营收3.78亿元至4亿元","subject":"蓝星","scope":null,"indicator":"营业收入","kind":"value","value":378000000,"unit":"CNY","qualifier":"ge","period":"2023-H1","source":null,"status":"forecast"}
            {"doc":"r","span":[0,9],"quote":"营收3.78亿元至4亿元","subject":"蓝星","scope":null,"indicator":"营业收入","kind":"value","value":400000000,"unit":"CNY","qualifier":"le","period":"2023-H1","source":null,"status":"forecast"}
            {"doc":"r","span":[10,16],"quote":"同比增长5%","subject":"蓝星","scope":null,"indicator":"营业收入","kind":"growth","value":5,"unit":"percent","qualifier":"eq","period":"2023-H1","source":null,"basis":"yoy"}
            """);
        File.WriteAllText(pred,
            """
            {"type":"fact","doc":"r","span":[0,9],"quote":"营收3.78亿元至4亿元","subject":"蓝星","scope":null,"indicator":"营业收入","indicator_text":"营收","kind":"value","value":378000000,"value_high":400000000,"unit":"CNY","qualifier":"range","period":"2023-H1","source":null,"status":"forecast"}
            {"type":"fact","doc":"r","span":[10,16],"quote":"同比增长5%","subject":"蓝星","scope":null,"indicator":"增速","kind":"growth","value":5,"unit":"percent","qualifier":"eq","period":"2023-H1","source":null,"basis":"mom"}
            """);

        var json = AnvilProcess.Run(["eval", "--gold", goldDir, "--pred", pred, "--json"]);

        using var report = JsonDocument.Parse(json.Stdout);
        var facts = report.RootElement.GetProperty("facts");
        Assert.Equal(3, facts.GetProperty("tp").GetInt32());
        Assert.Equal(0, facts.GetProperty("fp").GetInt32());
        var attributes = facts.GetProperty("attribute_accuracy");
        Assert.Equal(1.0, attributes.GetProperty("status").GetDouble());
        Assert.Equal(0.0, attributes.GetProperty("basis").GetDouble());
        var text = AnvilProcess.Run(["eval", "--gold", goldDir, "--pred", pred]);
        Assert.Contains("basis 0 %", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_scores_extraction_of_documents_and_lists_what_it_missed()
    {
        var goldDir = Directory.CreateDirectory(Path.Combine(_dir, "gold")).FullName;
        var docs = Directory.CreateDirectory(Path.Combine(_dir, "docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "a.txt"), "2024年，深圳人工智能产业规模达3600亿元，同比增长约35%。");
        File.WriteAllText(Path.Combine(goldDir, "a.facts.jsonl"),
            """
            {"doc":"a","span":[6,21],"quote":"深圳人工智能产业规模达3600亿元","subject":"深圳","scope":"人工智能","indicator":"产业规模","kind":"value","value":360000000000,"unit":"CNY","qualifier":"eq","period":"2024","source":null}
            {"doc":"a","span":[22,30],"quote":"同比增长约35%","subject":"深圳","scope":"人工智能","indicator":"产业规模","kind":"growth","value":35,"unit":"percent","qualifier":"approx","period":"2024","source":null}
            {"doc":"a","span":[0,5],"quote":"invented","subject":"深圳","scope":null,"indicator":"x","kind":"value","value":7,"unit":"count","qualifier":"eq","period":null,"source":null}
            """);

        var r = AnvilProcess.Run(["eval", "--gold", goldDir, docs]);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("facts", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("a: invented", r.Stdout, StringComparison.Ordinal);
        var json = AnvilProcess.Run(["eval", "--gold", goldDir, docs, "--json"]);
        using var report = JsonDocument.Parse(json.Stdout);
        Assert.Equal(2, report.RootElement.GetProperty("facts").GetProperty("tp").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("facts").GetProperty("fn").GetInt32());
    }

    [Fact]
    public void Eval_without_gold_says_what_is_missing()
    {
        var r = AnvilProcess.Run(["eval", "--pred", "x.jsonl"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--gold", r.Stdout + r.Stderr, StringComparison.Ordinal);
    }

    private static string? RunPython(string scorer, string pred, string gold)
    {
        try
        {
            var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { scorer, pred, gold, "--json" })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
