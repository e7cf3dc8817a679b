using Anvil.Cli.CommandLine;
using Anvil.Cli.Commands;
using Anvil.Core.Pipeline;
using Anvil.NativeExtract;

// `anvil extract` compiled ahead of time (NativeAOT): ./anvil hands the verb here and runs the managed CLI instead when
// this exits with ExtractArguments.HandBack (a command line not read here, or no native build). The work itself is
// the CLI's own code (ExtractRun), so the output, messages and exit statuses are the CLI's.
if (ExtractArguments.Read(args) is not { } request)
{
    return ExtractArguments.HandBack;
}

AnvilPipeline.Preload();
try
{
    return ExtractRun.Execute(request);
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    return CliErrors.ReportInternal(e);
}
