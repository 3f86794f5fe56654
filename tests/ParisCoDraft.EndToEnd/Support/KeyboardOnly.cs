using Microsoft.Playwright;

namespace ParisCoDraft.EndToEnd.Support;

/// <summary>
/// Moving through a page the way a keyboard user does: Tab (or Shift+Tab) until the focused element is the one
/// wanted. No click, no programmatic focus: if a control cannot be reached with Tab, the walk fails.
/// </summary>
public static class KeyboardOnly
{
    /// <summary>Presses Tab until the focused element matches <paramref name="isTarget"/> (a JS predicate on the element).</summary>
    public static async Task TabToAsync(IPage page, string isTarget, string what, int maxPresses = 200, bool backwards = false)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab").Within().ConfigureAwait(false);
            var reached = await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({isTarget})(e); }}").Within().ConfigureAwait(false);
            if (reached) return;
        }
        var at = await page.EvaluateAsync<string>("() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 160) : 'nothing'; }").Within().ConfigureAwait(false);
        throw new InvalidOperationException($"{what}: not reached with {maxPresses} presses of Tab; the focus is on {at}");
    }

    /// <summary>A predicate on a control's visible text or accessible label.</summary>
    public static string Named(string text) =>
        $"e => (e.getAttribute('aria-label') || e.textContent || '').trim() === {System.Text.Json.JsonSerializer.Serialize(text)}";
}
