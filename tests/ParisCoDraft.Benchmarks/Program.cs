using BenchmarkDotNet.Running;
using ParisCoDraft.Benchmarks;

// `trace <file>` and `compare <file>` print one JSON line of figures; anything else goes to BenchmarkDotNet.
if (args.Length >= 2 && args[0] == "trace")
{
    Console.WriteLine(TraceCommand.Run(args[1]).ToJson());
    return 0;
}
if (args.Length >= 2 && args[0] == "compare")
{
    Console.WriteLine(CompareCommand.Run(args[1]));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(TraceCommand).Assembly).Run(args);
return 0;
