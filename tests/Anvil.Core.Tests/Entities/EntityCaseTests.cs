using Anvil.Core.Documents;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Entities;

/// <summary>Runs every row of cases/entities.tsv through the standard pipeline.</summary>
public class EntityCaseTests
{
    public static TheoryData<int, string, string, string> Cases() => PipelineCases.TextCases("Entities/cases/entities.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(int line, string text, string expected, string absent)
    {
        var analysis = PipelineCases.Pipeline.Run(new Document("case", text));
        var found = analysis.Entities.Select(e => $"{e.Name}:{e.Type.ToString().ToLowerInvariant()}").ToHashSet();
        var names = analysis.Entities.Select(e => e.Name).ToHashSet();
        foreach (var item in expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // name:type*N: the entity is found at least N times (a name found again in the rest of the text);
            // name:type=N: exactly N times (a name not found again where the text means a word);
            // name:type@quote: one of its mentions is exactly that text (the span the name stands on)
            string spec = item;
            int exactly = -1;
            int equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                exactly = int.Parse(spec[(equals + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                spec = spec[..equals];
            }

            string? quote = null;
            int at = spec.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                quote = spec[(at + 1)..];
                spec = spec[..at];
            }

            int star = spec.IndexOf('*', StringComparison.Ordinal);
            string e = star < 0 ? spec : spec[..star];
            Assert.True(found.Contains(e), $"line {line}: expected {e}; found {string.Join(", ", found)}");
            if (quote is not null)
            {
                var quotes = analysis.Entities.Where(m => $"{m.Name}:{m.Type.ToString().ToLowerInvariant()}" == e).Select(m => text[m.Span.Start..m.Span.End]).ToList();
                Assert.True(quotes.Contains(quote), $"line {line}: {e} expected on {quote}; found on {string.Join(", ", quotes)}");
            }

            if (exactly >= 0)
            {
                int times = analysis.Entities.Count(m => $"{m.Name}:{m.Type.ToString().ToLowerInvariant()}" == e);
                Assert.True(times == exactly, $"line {line}: {e} found {times} times, expected exactly {exactly}");
            }

            if (star >= 0)
            {
                int times = analysis.Entities.Count(m => $"{m.Name}:{m.Type.ToString().ToLowerInvariant()}" == e);
                Assert.True(times >= int.Parse(spec[(star + 1)..], System.Globalization.CultureInfo.InvariantCulture), $"line {line}: {e} found {times} times, expected {spec[(star + 1)..]}");
            }
        }

        foreach (var a in absent.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // name@quote: the name may be found, but not on that text (美国 named in full, not 美 of 美德)
            int at = a.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                var quotes = analysis.Entities.Where(m => m.Name == a[..at]).Select(m => text[m.Span.Start..m.Span.End]).ToList();
                Assert.False(quotes.Contains(a[(at + 1)..]), $"line {line}: {a[..at]} must not stand on {a[(at + 1)..]}");
                continue;
            }

            Assert.False(names.Contains(a), $"line {line}: {a} must not be an entity; found {string.Join(", ", found)}");
        }

        foreach (var m in analysis.Entities)
        {
            Assert.InRange(m.Span.Start, 0, text.Length);
            Assert.InRange(m.Span.End, m.Span.Start + 1, text.Length);
        }
    }
}
