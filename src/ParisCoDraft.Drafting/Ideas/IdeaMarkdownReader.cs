using System.Globalization;
using System.Text.RegularExpressions;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Ideas;

/// <summary>
/// Reads ideas from a Markdown numbered list, one idea per item:
/// <code>
/// 1. **Îlots de fraîcheur** — Ouvrir un lieu rafraîchi par quartier. (citoyens)
/// 2. **Fontaines** : Une fontaine à moins de 200 m
///    de chaque habitation. (agents)
/// </code>
/// An item is a number followed by "." or ")", the title in bold (<c>**…**</c>), an optional separator
/// ("—", "–", "-" or ":"), then the text. Lines indented under an item continue its text. If the text
/// ends with a parenthesised group name (<see cref="StakeholderGroupNames"/>: citizens/citoyens, elected
/// officials/élus, civil servants/agents), it is the source group; other parentheses stay in the text.
/// Blank lines and headings (#) are ignored; any other line throws an <see cref="IdeaImportException"/>.
/// </summary>
public static partial class IdeaMarkdownReader
{
    /// <summary>Reads every idea of <paramref name="markdown"/>.</summary>
    public static IReadOnlyList<Idea> Read(string markdown)
    {
        var items = new List<(int Line, int Number, string Title, string Text)>();
        var lines = markdown.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var line = i + 1;
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#')) continue;
            var m = ItemPattern().Match(raw);
            if (m.Success)
            {
                if (!int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
                {
                    throw new IdeaImportException(line, $"the number '{m.Groups["n"].Value}' is not a positive whole number");
                }
                var title = m.Groups["title"].Value.Trim();
                if (title.Length == 0) throw new IdeaImportException(line, "the title in bold is empty");
                items.Add((line, number, title, m.Groups["text"].Value.Trim()));
            }
            else if (char.IsWhiteSpace(raw[0]) && items.Count > 0)
            {
                var last = items[^1];
                items[^1] = last with { Text = (last.Text + " " + raw.Trim()).Trim() };
            }
            else if (NumberedPattern().IsMatch(raw))
            {
                throw new IdeaImportException(line, "expected '<number>. **Title** — text (group)'; the title must be in bold");
            }
            else
            {
                throw new IdeaImportException(line, "not an idea: expected a numbered item '<number>. **Title** — text (group)' or an indented continuation");
            }
        }

        var ideas = new List<Idea>();
        var seen = new Dictionary<int, int>();
        foreach (var (line, number, title, text) in items)
        {
            if (seen.TryGetValue(number, out var first)) throw new IdeaImportException(line, $"idea {number} already appears on line {first}");
            seen[number] = line;
            var body = text;
            StakeholderGroup? group = null;
            var g = GroupPattern().Match(text);
            if (g.Success && StakeholderGroupNames.TryParse(g.Groups["group"].Value, out var parsed))
            {
                group = parsed;
                body = text[..g.Index].TrimEnd();
            }
            ideas.Add(new Idea(number, title, body, group));
        }
        return ideas;
    }

    [GeneratedRegex(@"^\s{0,3}(?<n>\d+)[.)]\s+\*\*(?<title>.*?)\*\*\s*(?:[—–:-]\s*)?(?<text>.*)$")]
    private static partial Regex ItemPattern();

    [GeneratedRegex(@"^\s{0,3}\d+[.)]\s")]
    private static partial Regex NumberedPattern();

    [GeneratedRegex(@"\((?<group>[^()]*)\)\s*$")]
    private static partial Regex GroupPattern();
}
