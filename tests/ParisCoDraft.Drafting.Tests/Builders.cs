using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests;

/// <summary>Test data: bills built clause by clause, with readable fixed ids.</summary>
internal static class Builders
{
    /// <summary>A well-formed clause id made from a small number: Id(7) = "c0000000007".</summary>
    public static string Id(int n) => "c" + n.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The path of <paramref name="relative"/> under the shared folder (../shared next to the repository
    /// root, found by walking up from the test binaries to ParisCoDraft.sln), or null when it is absent.
    /// </summary>
    public static string? SharedFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParisCoDraft.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
                return File.Exists(path) ? path : null;
            }
        }
        return null;
    }

    /// <summary>A new bill builder.</summary>
    public static BillBuilder Bill(string title = "Projet de délibération", string preamble = "Le Conseil de Paris délibère.") => new(title, preamble);
}

/// <summary>Builds a <see cref="BillText"/>: active clauses in the order added, numbered from 1, with increasing order keys.</summary>
internal sealed class BillBuilder(string title, string preamble)
{
    private readonly List<(string Id, string Heading, string Body, string? SplitFrom)> _active = [];
    private readonly List<(string Id, string Heading, string Body, string? MergedInto)> _withdrawn = [];
    private string _title = title;
    private string _preamble = preamble;

    public BillBuilder Title(string title) { _title = title; return this; }

    public BillBuilder Preamble(string preamble) { _preamble = preamble; return this; }

    public BillBuilder Clause(string id, string heading, string body, string? splitFrom = null)
    {
        _active.Add((id, heading, body, splitFrom));
        return this;
    }

    public BillBuilder Withdrawn(string id, string heading, string body, string? mergedInto = null)
    {
        _withdrawn.Add((id, heading, body, mergedInto));
        return this;
    }

    public BillText Build()
    {
        string? key = null;
        var active = new List<Clause>();
        foreach (var (c, i) in _active.Select((c, i) => (c, i)))
        {
            key = OrderKey.Between(key, null);
            active.Add(new Clause(c.Id, i + 1, c.Heading, c.Body, key, ClauseState.Active, null, c.SplitFrom));
        }
        var withdrawn = _withdrawn
            .Select(c => new Clause(c.Id, 0, c.Heading, c.Body, key = OrderKey.Between(key, null), ClauseState.Withdrawn, c.MergedInto, null))
            .ToList();
        return new BillText(_title, _preamble, active, withdrawn);
    }

    /// <summary>The demo bill with ids Id(1)..Id(n).</summary>
    public static BillBuilder Demo()
    {
        var b = new BillBuilder(DemoBill.Title, DemoBill.Preamble);
        foreach (var (c, i) in DemoBill.Clauses.Select((c, i) => (c, i))) b.Clause(Builders.Id(i + 1), c.Heading, c.Body);
        return b;
    }
}
