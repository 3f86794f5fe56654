using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Exports;

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

    /// <summary>Export options with every annex table filled, referring to clauses 1 and 2 of <paramref name="bill"/>.</summary>
    public static ExportOptions FullExportOptions(BillText bill) => new(
        "v3 — après l'atelier 2",
        new DateTimeOffset(2025, 6, 1, 10, 30, 0, TimeSpan.FromHours(2)),
        new ExportAnnex
        {
            Consensus =
            [
                new ClauseConsensus(bill.Clauses[0].Id, new Dictionary<StakeholderGroup, ConsensusCounts>
                {
                    [StakeholderGroup.Citizens] = new(30, 4, 1, 0),
                    [StakeholderGroup.CivilServants] = new(5, 1, 0, 0),
                }, ClauseConsensusState.ConsensusWithReservations),
            ],
            Approval = new ApprovalVote("Assemblée citoyenne, séance plénière", new DateTimeOffset(2025, 6, 14, 18, 0, 0, TimeSpan.Zero), ApprovalResult.Approved, bill.Sha256()),
            Ideas = [new IdeaTraceRow(1, "Îlots | de fraîcheur", "Reprise dans la délibération", [bill.Clauses[0].Id, bill.Clauses[1].Id])],
            Workshops = [new WorkshopRecord("Atelier 2 — eau", new DateOnly(2025, 5, 20), "Mairie du 11e")],
            Commitments = [new FollowUpCommitment(bill.Clauses[1].Id, "DEVE", "Cartographier les cours", new DateOnly(2026, 1, 31), "En cours")],
        });

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
