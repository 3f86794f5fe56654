using System.Text.Json;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// One row of docs/reliability.md's table: how many times the fault was made, how many keystrokes the
/// server acknowledged before it, how many of those the store held afterwards, how many acknowledged ones
/// were missing (must be 0), and whether every replica ended with the same text as the store.
/// Written to the test output, and appended as one JSON line to the file named by <c>PCD_FAULT_FIGURES</c>
/// when set (<c>scripts/soak</c> collects them).
/// </summary>
public sealed record FaultFigures(string Fault, int Runs, long Acknowledged, long Stored, long Lost, bool Converged)
{
    /// <summary>How many times the repeatable faults are made: <c>PCD_FAULT_RUNS</c>, else <paramref name="suiteRuns"/>.</summary>
    public static int Repeat(int suiteRuns) =>
        int.TryParse(Environment.GetEnvironmentVariable("PCD_FAULT_RUNS"), out var n) && n > 0 ? n : suiteRuns;

    /// <summary>Prints the row and appends it to <c>PCD_FAULT_FIGURES</c> if set.</summary>
    public void Report(ITestOutputHelper output)
    {
        var json = JsonSerializer.Serialize(new { fault = Fault, runs = Runs, acknowledged = Acknowledged, stored = Stored, lost = Lost, converged = Converged });
        output.WriteLine(json);
        if (Environment.GetEnvironmentVariable("PCD_FAULT_FIGURES") is { Length: > 0 } file)
        {
            lock (typeof(FaultFigures)) File.AppendAllText(file, json + "\n");
        }
    }
}
