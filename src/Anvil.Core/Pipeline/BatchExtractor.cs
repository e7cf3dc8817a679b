using Anvil.Core.Documents;
using Anvil.Core.Reading;

namespace Anvil.Core.Pipeline;

/// <summary>One document to extract: a name for messages and a way to read it.</summary>
public sealed record ExtractionInput(string Name, Func<Document> Read);

/// <summary>Why one input could not be extracted: a stable code and a one-line message naming it.</summary>
public sealed record ExtractionFailure(ExtractionInput Input, string Code, string Message);

/// <summary>
/// Runs the pipeline over many inputs on several threads and hands the results back in input order,
/// so output is the same for any thread count. Work goes in windows of a few documents per thread,
/// which bounds memory however many inputs there are. A failing input is reported and skipped; it never
/// stops the others.
/// </summary>
public sealed class BatchExtractor(ExtractionPipeline pipeline, int threads)
{
    private readonly int _threads = Math.Max(1, threads);

    public int Run(IReadOnlyList<ExtractionInput> inputs, Action<Analysis> onDocument, Action<ExtractionFailure> onFailure)
    {
        int failures = 0;
        int window = _threads == 1 ? 1 : _threads * 8;
        var results = new object?[window];
        for (int start = 0; start < inputs.Count; start += window)
        {
            int count = Math.Min(window, inputs.Count - start);
            if (_threads == 1)
            {
                results[0] = Extract(inputs[start]);
            }
            else
            {
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _threads }, i => results[i] = Extract(inputs[start + i]));
            }

            for (int i = 0; i < count; i++)
            {
                switch (results[i])
                {
                    case Analysis analysis:
                        onDocument(analysis);
                        break;
                    case ExtractionFailure failure:
                        failures++;
                        onFailure(failure);
                        break;
                }

                results[i] = null;
            }
        }

        return failures;
    }

    private object Extract(ExtractionInput input)
    {
        try
        {
            if (pipeline.Timings is { } timings)
            {
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                var document = input.Read();
                timings.Add("reading", System.Diagnostics.Stopwatch.GetElapsedTime(started));
                return pipeline.Run(document);
            }

            return pipeline.Run(input.Read());
        }
        catch (DocumentReadException e)
        {
            return new ExtractionFailure(input, e.Code, e.Message);
        }
        catch (IOException e)
        {
            return new ExtractionFailure(input, "E0200", $"{input.Name}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return new ExtractionFailure(input, "E0200", $"{input.Name}: permission denied ({e.Message})");
        }
#pragma warning disable CA1031 // one document's failure must never stop the others
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ExtractionFailure(input, "E0299", $"{input.Name}: could not be processed ({e.GetType().Name}: {e.Message})");
        }
    }
}
