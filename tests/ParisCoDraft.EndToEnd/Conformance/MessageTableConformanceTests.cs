using System.Text.RegularExpressions;
using ParisCoDraft.EndToEnd.Support;
using ParisCoDraft.Web.Deliberation;
using ParisCoDraft.Web.Hubs;

namespace ParisCoDraft.EndToEnd.Conformance;

/// <summary>
/// The browser's message table (wwwroot/src/i18n.ts) against itself and against the server: French and English
/// hold the same keys, and every refusal code the server can send has a message (<c>err.{code}</c>), so a
/// French page never has to fall back on the server's English sentence. Reads the sources; no server, no browser.
/// </summary>
public sealed partial class MessageTableConformanceTests
{
    private static string I18nPath => Path.Combine(RepoPaths.Root, "wwwroot", "src", "i18n.ts");

    private static string WebSource => Path.Combine(RepoPaths.Root, "src", "ParisCoDraft.Web");

    [GeneratedRegex(@"^\s*'([^']+)'\s*:", RegexOptions.Multiline)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"public const string \w+ = ""([a-z][a-z0-9-]*)"";")]
    private static partial Regex CodeConstant();

    // Every way an HTTP error is written: ApiError.BadRequest/NotFound("code", …), new ApiError("code", …),
    // an anonymous { error = "code" }, and the revocation reason sent through the hub's Revoked callback.
    [GeneratedRegex(@"ApiError\.(?:BadRequest|NotFound)\(""([a-z][a-z0-9-]*)""|new ApiError\(""([a-z][a-z0-9-]*)""|error = ""([a-z][a-z0-9-]*)""|RevokeAsync\([^;]*""([a-z][a-z0-9-]*)""")]
    private static partial Regex HttpCode();

    /// <summary>The keys of one table: the object literal after <paramref name="opening"/>, up to the first line opening with "}".</summary>
    private static List<string> TableKeys(string source, string opening)
    {
        var start = source.IndexOf(opening, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{opening}' not found in i18n.ts");
        var end = source.IndexOf("\n}", start, StringComparison.Ordinal);
        Assert.True(end > start, $"the table after '{opening}' has no closing brace at the start of a line");
        return KeyLine().Matches(source[start..end]).Select(m => m.Groups[1].Value).ToList();
    }

    private static (List<string> Fr, List<string> En) Tables()
    {
        var source = File.ReadAllText(I18nPath);
        return (TableKeys(source, "const fr = {"), TableKeys(source, "const en: Record<MessageKey, string> = {"));
    }

    /// <summary>Every refusal code in the server's sources (constants and literals), with where it was found.</summary>
    private static SortedDictionary<string, string> ServerCodes()
    {
        var codes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(WebSource, "*.cs", SearchOption.AllDirectories))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(path);
            var name = Path.GetFileName(path);
            if (name is "HubErrors.cs" or "DeliberationErrors.cs" or "SecurityErrors.cs")
            {
                foreach (Match m in CodeConstant().Matches(text)) codes.TryAdd(m.Groups[1].Value, name);
            }
            foreach (Match m in HttpCode().Matches(text))
            {
                var code = m.Groups.Values.Skip(1).First(g => g.Success).Value;
                codes.TryAdd(code, name);
            }
        }
        return codes;
    }

    [Fact]
    public void TheFrenchAndEnglishTablesHoldExactlyTheSameKeys()
    {
        var (fr, en) = Tables();
        Assert.True(fr.Count > 100, $"only {fr.Count} French keys read: is the table still 'const fr = {{ … }}'?");
        Assert.Empty(fr.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(en.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(Array.Empty<string>(), fr.Except(en).ToArray());
        Assert.Equal(Array.Empty<string>(), en.Except(fr).ToArray());
    }

    [Fact]
    public void TheSourcesYieldTheKnownCodesOfEveryKind()
    {
        // Guards the collection itself: if the patterns stopped matching, the next test would pass on nothing.
        var codes = ServerCodes();
        foreach (var code in new[]
                 {
                     HubErrors.ReadOnly, HubErrors.ForeignClient, HubErrors.UpdateTooLarge, DeliberationErrors.Locked,
                     DeliberationErrors.Conflict, "invalid-title", "unknown-invite", "no-session", "workshop-state",
                     "invalid-ideas", "invite-revoked", "rate-limited", "too-many-connections", "cross-site-request", "invite-expired",
                 })
        {
            Assert.True(codes.ContainsKey(code), $"'{code}' not collected from src/ParisCoDraft.Web; got: {string.Join(", ", codes.Keys)}");
        }
    }

    [Fact]
    public void EveryServerRefusalCodeHasAMessageInBothLanguages()
    {
        var (fr, en) = Tables();
        var missing = ServerCodes()
            .Where(c => !fr.Contains("err." + c.Key) || !en.Contains("err." + c.Key))
            .Select(c => $"err.{c.Key} (from {c.Value})")
            .ToList();
        Assert.True(missing.Count == 0, "no message for: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheLockSubjectsTheUpdatePathSendsHaveTheirOwnMessages()
    {
        // BillDeliberation.RefusalFor answers "vote-open: …" or "unresolved: …" (else a clause id); errors.ts maps
        // them to err.locked.{subject}, and a bare sentence (the deliberation's own refusal) to err.locked.text.
        var deliberation = File.ReadAllText(Path.Combine(WebSource, "Deliberation", "BillDeliberation.cs"));
        var (fr, en) = Tables();
        foreach (var subject in new[] { "vote-open", "unresolved" })
        {
            Assert.Contains($"\"{subject}: ", deliberation, StringComparison.Ordinal);
            Assert.Contains("err.locked." + subject, fr);
            Assert.Contains("err.locked." + subject, en);
        }
        Assert.Contains("err.locked.text", fr);
        Assert.Contains("err.locked.text", en);
    }
}
