using System.Globalization;
using System.Text;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Ideas;

/// <summary>
/// Reads ideas from CSV (RFC 4180): a header naming the columns <c>number,title,text,source_group</c> (any
/// order, case ignored), then one record per idea. Fields are comma-separated; a field in double quotes
/// may hold commas, line breaks and doubled quotes (<c>""</c>). Records end with CRLF or LF. A UTF-8 BOM
/// and blank lines are ignored. <c>source_group</c> may be empty (unknown) or a name
/// <see cref="StakeholderGroupNames"/> knows. Any problem throws an <see cref="IdeaImportException"/> with the line.
/// </summary>
public static class IdeaCsvReader
{
    private static readonly string[] Columns = ["number", "title", "text", "source_group"];

    /// <summary>Reads every idea of <paramref name="csv"/>.</summary>
    public static IReadOnlyList<Idea> Read(string csv)
    {
        var records = Parse(csv.TrimStart('\uFEFF'));
        if (records.Count == 0) throw new IdeaImportException(1, "the file is empty; expected the header number,title,text,source_group");
        var (headerLine, header) = records[0];
        var index = Columns.ToDictionary(c => c, c => Array.FindIndex(header, h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        var missing = index.Where(p => p.Value < 0).Select(p => p.Key).ToList();
        if (missing.Count > 0) throw new IdeaImportException(headerLine, $"the header lacks the column(s) {string.Join(", ", missing)}");

        var ideas = new List<Idea>();
        var seen = new Dictionary<int, int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new IdeaImportException(line, $"expected {header.Length} fields, found {fields.Length}");
            }
            var numberText = fields[index["number"]].Trim();
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                throw new IdeaImportException(line, $"the number '{numberText}' is not a positive whole number");
            }
            if (seen.TryGetValue(number, out var first)) throw new IdeaImportException(line, $"idea {number} already appears on line {first}");
            seen[number] = line;
            var title = fields[index["title"]].Trim();
            if (title.Length == 0) throw new IdeaImportException(line, $"idea {number} has no title");
            var groupText = fields[index["source_group"]].Trim();
            StakeholderGroup? group = null;
            if (groupText.Length > 0)
            {
                if (!StakeholderGroupNames.TryParse(groupText, out var g)) throw new IdeaImportException(line, $"unknown source group '{groupText}'");
                group = g;
            }
            ideas.Add(new Idea(number, title, fields[index["text"]].Trim(), group));
        }
        return ideas;
    }

    // Records with the line each starts on; blank lines skipped.
    private static List<(int Line, string[] Fields)> Parse(string csv)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        var quotedField = false;
        while (i <= csv.Length)
        {
            if (i == csv.Length || csv[i] is '\n' or '\r')
            {
                fields.Add(field.ToString());
                field.Clear();
                if (!(fields.Count == 1 && fields[0].Length == 0 && !quotedField)) records.Add((recordLine, [.. fields]));
                fields.Clear();
                quotedField = false;
                if (i == csv.Length) break;
                i += csv[i] == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n' ? 2 : 1;
                recordLine = ++line;
                continue;
            }
            var c = csv[i];
            if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                quotedField = false;
                i++;
            }
            else if (c == '"')
            {
                if (field.Length > 0) throw new IdeaImportException(line, "a double quote inside an unquoted field (quote the whole field and double the quote)");
                var opened = line;
                quotedField = true;
                i++;
                while (true)
                {
                    if (i >= csv.Length) throw new IdeaImportException(opened, "a quoted field is never closed");
                    if (csv[i] == '"')
                    {
                        if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (csv[i] == '\n' || (csv[i] == '\r' && (i + 1 >= csv.Length || csv[i + 1] != '\n'))) line++;
                    field.Append(csv[i++]);
                }
                if (i < csv.Length && csv[i] is not (',' or '\n' or '\r'))
                {
                    throw new IdeaImportException(line, "text after the closing quote of a field");
                }
            }
            else
            {
                if (quotedField) throw new IdeaImportException(line, "text after the closing quote of a field");
                field.Append(c);
                i++;
            }
        }
        return records;
    }
}
