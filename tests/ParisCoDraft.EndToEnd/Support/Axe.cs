using System.Text.Json;
using Microsoft.Playwright;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>axe-core (from node_modules) run in a page: no serious or critical violation is allowed.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js")));

    /// <summary>Loads axe-core into <paramref name="page"/> and fails with the rule ids and targets found.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        // Evaluated through the DevTools protocol, not as an inline <script> tag, which the pages' policy refuses.
        await page.EvaluateAsync(Source.Value).Within().ConfigureAwait(false);
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))").Within(TimeSpan.FromSeconds(40)).ConfigureAwait(false);
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"axe-core on {what}: " + string.Join("; ", violations));
    }
}
