using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Anvil.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Anvil.Benchmarks.StageBenchmarks).Assembly).Run(args);
