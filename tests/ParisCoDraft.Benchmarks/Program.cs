using System.Globalization;
using BenchmarkDotNet.Running;
using ParisCoDraft.Benchmarks;

// `trace <file>... [--runs N]` and `compare <file>... [--runs N]` print one JSON line of figures per file
// (one cold run, then the median of N warm runs, default 5); `load <update.bin> [--runs N]` loads an update
// first thing in the process, then warm; anything else goes to BenchmarkDotNet.
if (args.Length >= 2 && args[0] == "load")
{
    var runs = args.Length >= 4 && args[2] == "--runs" ? int.Parse(args[3], CultureInfo.InvariantCulture) : TraceCommand.DefaultRuns;
    Console.WriteLine(LoadCommand.Run(args[1], runs).ToJsonString());
    return 0;
}
if (args.Length >= 2 && args[0] is "trace" or "compare")
{
    int runs = TraceCommand.DefaultRuns;
    var files = new List<string>();
    for (int i = 1; i < args.Length; i++)
    {
        if (args[i] == "--runs" && i + 1 < args.Length)
        {
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        else
        {
            files.Add(args[i]);
        }
    }
    foreach (var file in files)
    {
        Console.WriteLine(args[0] == "trace" ? TraceCommand.Run(file, runs).ToJson() : CompareCommand.Run(file, runs));
    }
    return 0;
}
if (args.Length >= 2 && args[0] == "diff-versions")
{
    var runs = args.Length >= 4 && args[2] == "--runs" ? int.Parse(args[3], CultureInfo.InvariantCulture) : TraceCommand.DefaultRuns;
    Console.WriteLine(VersionDiffCommand.Run(args[1], runs));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(TraceCommand).Assembly).Run(args);
return 0;
