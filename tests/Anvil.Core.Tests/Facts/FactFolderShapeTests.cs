using System.Text;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Facts;

/// <summary>
/// The fact extractor stays a set of small parts that read their words from data: no source file in
/// src/Anvil.Core/Facts over 400 lines, and no Chinese character in a string or character literal there (comments
/// may quote examples).
/// </summary>
public class FactFolderShapeTests
{
    private const int MaxLines = 400;

    private static IEnumerable<string> SourceFiles()
    {
        var folder = Path.Combine(SharedFolder.RepositoryRoot, "src", "Anvil.Core", "Facts");
        if (!Directory.Exists(folder))
        {
            Assert.Skip("src/Anvil.Core/Facts is not beside the test build; the shape of its sources cannot be read");
        }

        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void NoFileIsOverTheLineLimit()
    {
        var over = SourceFiles()
            .Select(f => (File: Path.GetFileName(f), Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(over.Count == 0, $"files over {MaxLines} lines: {string.Join(", ", over)}");
    }

    [Fact]
    public void NoLiteralHoldsAChineseCharacter()
    {
        var found = new List<string>();
        foreach (var file in SourceFiles())
        {
            foreach (var literal in Literals(File.ReadAllText(file)))
            {
                if (literal.Text.Any(c => c is >= '\u3400' and <= '\u9FFF'))
                {
                    found.Add($"{Path.GetFileName(file)}:{literal.Line}: {literal.Text}");
                }
            }
        }

        Assert.True(found.Count == 0, "Chinese literals (move the words to src/Anvil.Data/data/facts):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("var a = \"\u6df1\u5733\";", 1)]
    [InlineData("char c = '\u5e02';", 1)]
    [InlineData("// \u6df1\u5733 in a comment\nvar a = 1;", 0)]
    [InlineData("/* \u6df1\u5733 */ var a = @\"x\"\"y\";", 0)]
    [InlineData("var a = $\"{b}\u5e02\";", 1)]
    [InlineData("var a = \"a // b\"; // \u6df1\u5733", 0)]
    public void TheScannerFindsLiteralsNotComments(string code, int chinese)
    {
        int found = Literals(code).Count(l => l.Text.Any(c => c is >= '\u3400' and <= '\u9FFF'));
        Assert.Equal(chinese, found);
    }

    /// <summary>The string and character literals of C# source, with the line each starts on; comments are skipped.</summary>
    private static List<(int Line, string Text)> Literals(string code)
    {
        var literals = new List<(int, string)>();
        int line = 1;
        for (int i = 0; i < code.Length; i++)
        {
            char c = code[i];
            if (c == '\n')
            {
                line++;
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
            {
                while (i < code.Length && code[i] != '\n')
                {
                    i++;
                }

                line++;
            }
            else if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
            {
                int end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? code.Length : end + 1;
                line += code.AsSpan(i, end - i).Count('\n');
                i = end;
            }
            else if (c is '"' or '\'')
            {
                bool verbatim = i > 0 && (code[i - 1] == '@' || (i > 1 && code[i - 1] == '$' && code[i - 2] == '@'));
                var text = new StringBuilder();
                int start = line;
                for (i++; i < code.Length; i++)
                {
                    if (code[i] == '\\' && !verbatim && i + 1 < code.Length)
                    {
                        text.Append(code[i]).Append(code[++i]);
                    }
                    else if (code[i] == c && verbatim && i + 1 < code.Length && code[i + 1] == c)
                    {
                        text.Append(code[++i]);
                    }
                    else if (code[i] == c)
                    {
                        break;
                    }
                    else
                    {
                        line += code[i] == '\n' ? 1 : 0;
                        text.Append(code[i]);
                    }
                }

                literals.Add((start, text.ToString()));
            }
        }

        return literals;
    }
}
