using System.Diagnostics;
using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd.Conformance;

/// <summary>
/// The consensus rule lives twice: ConsensusMatrix (server, records rounds) and consensus-rule.ts (browser,
/// live state). One table of cases (consensus-cases.json) is checked against both, so they cannot drift.
/// Not in the browser collection: no server, no Chromium; node and esbuild only.
/// </summary>
public sealed class ConsensusConformanceTests
{
    private const string ClauseId = "c0000000001";
    private const string CurrentHash = "hash-now";

    private static string CasesPath => Path.Combine(RepoPaths.Root, "tests", "ParisCoDraft.EndToEnd", "Conformance", "consensus-cases.json");

    private sealed record MarkerCase(string Who, string? Group, string Stance, string Text);

    private sealed record RuleCase(bool BlockPrevents, double AgreeShare, bool ReservationsCountAsAgree, int MinStancesPerGroup);

    private sealed record Case(string Name, RuleCase? Rule, IReadOnlyList<MarkerCase> Markers, string Expected);

    private sealed record CaseFile(IReadOnlyList<Case> Cases);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static IReadOnlyList<Case> Cases() =>
        JsonSerializer.Deserialize<CaseFile>(File.ReadAllText(CasesPath), Json)?.Cases ?? throw new InvalidOperationException("no cases in " + CasesPath);

    /// <summary>The case names, for one test line per case on the server side.</summary>
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases()) data.Add(c.Name);
        return data;
    }

    private static StakeholderGroup? Group(string? wire) => wire switch
    {
        null => null,
        "citizens" => StakeholderGroup.Citizens,
        "elected-officials" => StakeholderGroup.ElectedOfficials,
        "civil-servants" => StakeholderGroup.CivilServants,
        _ => throw new InvalidOperationException("unknown group " + wire),
    };

    private static string ServerState(Case c)
    {
        var markers = c.Markers.Select((m, i) =>
        {
            Assert.True(DeliberationNames.TryParseStance(m.Stance, out var stance), $"stance {m.Stance} in case '{c.Name}'");
            Assert.True(m.Text is "current" or "earlier", $"text {m.Text} in case '{c.Name}'");
            return new StanceMarker(ClauseId, "p" + i, m.Who, Group(m.Group), stance, null, m.Text == "current" ? CurrentHash : "hash-before",
                new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero));
        });
        var rule = c.Rule is { } r ? new ConsensusRule(r.BlockPrevents, r.AgreeShare, r.ReservationsCountAsAgree, r.MinStancesPerGroup) : ConsensusRule.Default;
        Assert.Null(rule.Validate());
        var matrix = ConsensusMatrix.From(markers, new Dictionary<string, string> { [ClauseId] = CurrentHash });
        return matrix.Evaluate(rule).ToWire();
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void TheServersRuleGivesTheExpectedState(string name)
    {
        var c = Cases().Single(x => x.Name == name);
        Assert.Equal(c.Expected, ServerState(c));
    }

    [Fact]
    public void TheCasesCoverEveryStateAndEveryRuleSetting()
    {
        var cases = Cases();
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
        foreach (var state in Enum.GetValues<ConsensusState>()) Assert.Contains(cases, c => c.Expected == state.ToWire());
        Assert.Contains(cases, c => c.Markers.Any(m => m.Text == "earlier"));
        Assert.Contains(cases, c => c.Markers.Any(m => m.Group is null));
        Assert.Contains(cases, c => c.Rule is { ReservationsCountAsAgree: false });
        Assert.Contains(cases, c => c.Rule is { BlockPrevents: false });
        Assert.Contains(cases, c => c.Rule is { MinStancesPerGroup: > 1 });
    }

    [Fact]
    public async Task TheBrowsersRuleGivesTheSameStatesAsTheServer()
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "ParisCoDraft.EndToEnd", "Conformance", "consensus-conformance.mjs"));
        info.ArgumentList.Add(CasesPath);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().Within(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, "node failed: " + await stderr.Within());
        var browser = JsonSerializer.Deserialize<Dictionary<string, string>>(await stdout.Within()) ?? [];

        var mismatches = new List<string>();
        foreach (var c in Cases())
        {
            var server = ServerState(c);
            var ts = browser.GetValueOrDefault(c.Name, "<missing>");
            if (ts != c.Expected || server != c.Expected) mismatches.Add($"'{c.Name}': expected {c.Expected}, server {server}, browser {ts}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
