using Anvil.Cli.Commands;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;
using Anvil.Core.Reading;

// `anvil extract PATH... --threads 1` with the built-in data and no options: the same pipeline, the same reading, the
// same JSON Lines, so its output can be compared byte for byte with the CLI's (bench/aot-study.sh).
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: anvil-aot-extract PATH...   (files or folders; JSON Lines on standard output)");
    return 2;
}

AnvilPipeline.Preload();
var pipeline = AnvilPipeline.Create();
var inputs = InputFiles.ExpandReporting(args, out int emptyFolders);
var reader = new DocumentReader();
using var stdout = Console.OpenStandardOutput();
using var buffer = new StreamBufferWriter(stdout);
int failures = new BatchExtractor(pipeline, threads: 1).Run(
    inputs.Select(input => new ExtractionInput(input.Path, () => reader.Read(input.Path))).ToList(),
    analysis =>
    {
        JsonLinesWriter.Write(analysis, buffer);
        buffer.Flush();
    },
    failure => Console.Error.WriteLine($"anvil: {failure.Code}: {failure.Message}"));
stdout.Flush();
return failures + emptyFolders > 0 ? 1 : 0;
