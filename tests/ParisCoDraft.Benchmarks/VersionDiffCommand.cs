using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Attribution;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using ParisCoDraft.Drafting.Workshops;

namespace ParisCoDraft.Benchmarks;

/// <summary>
/// <c>diff-versions &lt;trace&gt; [--runs N]</c>: the server's whole diff of two versions of a 20-clause bill
/// built from an editing trace, as the diff endpoint does it (private copy of the document, both versions
/// read from their snapshots, attribution from the CRDT items and deletion records, word diff, inline and
/// side-by-side HTML). The bill: the trace's text at half its edits cut into 20 clauses by a facilitator
/// (version 1), then each clause rewritten into its part of the final text by civil servants or elected
/// officials, on replicas synced to the server (version 2). One cold run, then the median of N warm runs.
/// </summary>
public static class VersionDiffCommand
{
    public static string Run(string path, int runs)
    {
        var trace = EditingTrace.Load(path);
        var older = Cut(Replay(trace, trace.Patches.Length / 2));
        var newer = Cut(trace.EndContent);

        var server = new Doc(new DocOptions { Gc = false, ClientId = 1 });
        BillDocument.Initialize(server, trace.Name, null, older.Select((t, i) => new ClauseDraft($"Partie {i + 1}", t)));
        var v1 = BillVersions.Take(server).Snapshot;
        var writers = new Dictionary<long, StakeholderGroup?> { [1] = null, [2] = StakeholderGroup.CivilServants, [3] = StakeholderGroup.ElectedOfficials };
        var deletions = new List<DeletionMark>();
        var replicas = new[] { Replica(server, 2), Replica(server, 3) };
        var ids = BillDocument.Read(server).Clauses.Select(c => c.Id).ToList();
        for (var k = 0; k < ids.Count; k++)
        {
            var replica = replicas[k % 2];
            Y.ApplyUpdate(replica, Y.EncodeStateAsUpdate(server, Y.EncodeStateVector(replica)));
            var body = (YText)BillDocument.ClauseMap(replica, ids[k]).Get("body")!;
            replica.Transact(_ => Rewrite(body, older[k], newer[k]));
            var update = Y.EncodeStateAsUpdate(replica, Y.EncodeStateVector(server));
            foreach (var (client, clock, length) in NewDeletions.In(server, Y.ReadUpdateInfo(update).DeleteSet))
            {
                deletions.Add(new DeletionMark(client, clock, length, writers[replica.ClientId]));
            }
            Y.ApplyUpdate(server, update);
        }
        var v2 = BillVersions.Take(server).Snapshot;
        var records = new AuthorshipRecords(writers, deletions);
        // Who made the clause-level changes, as the diff endpoint reads it from the client bindings.
        var clauseWriters = new ClauseWriters(
            new Dictionary<long, ChangeWriter> { [2] = new("p-civil", "Agent", Role.CivilServant), [3] = new("p-elected", "Élue", Role.Elected) },
            new HashSet<string>(StringComparer.Ordinal));
        var state = Y.EncodeStateAsUpdate(server);

        var timings = new List<(double Copy, double Compare, double Html, int Chars)>();
        BillDiff? diff = null;
        for (var i = 0; i <= runs; i++)
        {
            var sw = Stopwatch.StartNew();
            var doc = new Doc(new DocOptions { Gc = false });
            Y.ApplyUpdate(doc, state);
            var copy = sw.Elapsed.TotalMilliseconds;
            diff = BillVersions.Compare(doc, v1, v2, records);
            diff = ClauseAuthorship.Attribute(diff, doc, v1, v2, clauseWriters);
            var compare = sw.Elapsed.TotalMilliseconds - copy;
            var chars = DiffHtml.Inline(diff).Length + DiffHtml.SideBySide(diff).Length;
            var html = sw.Elapsed.TotalMilliseconds - copy - compare;
            timings.Add((copy, compare, html, chars));
        }
        var warm = timings.Skip(1).ToList();
        double Median(Func<(double Copy, double Compare, double Html, int Chars), double> f)
        {
            var xs = warm.Select(f).Order().ToList();
            return xs.Count == 0 ? double.NaN : xs[xs.Count / 2];
        }
        var runsAttributed = diff!.Clauses.SelectMany(c => c.Body.Runs).Count(r => r.Kind != DiffRunKind.Equal && r.Groups.Count > 0);
        var runsChanged = diff.Clauses.SelectMany(c => c.Body.Runs).Count(r => r.Kind != DiffRunKind.Equal);
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["command"] = "diff-versions",
            ["trace"] = trace.Name,
            ["clauses"] = diff.Clauses.Count,
            ["olderChars"] = older.Sum(t => t.Length),
            ["newerChars"] = newer.Sum(t => t.Length),
            ["updateBytes"] = state.Length,
            ["wordsInserted"] = diff.Clauses.Sum(c => c.Body.WordsInserted),
            ["wordsDeleted"] = diff.Clauses.Sum(c => c.Body.WordsDeleted),
            ["changedRuns"] = runsChanged,
            ["attributedRuns"] = runsAttributed,
            ["summary"] = DiffSummary.Describe(diff, "en"),
            ["coldMs"] = Round(timings[0].Copy + timings[0].Compare + timings[0].Html),
            ["runs"] = warm.Count,
            ["copyMs"] = Round(Median(t => t.Copy)),
            ["compareMs"] = Round(Median(t => t.Compare)),
            ["htmlMs"] = Round(Median(t => t.Html)),
            ["totalMs"] = Round(Median(t => t.Copy + t.Compare + t.Html)),
        });
    }

    private static double Round(double ms) => Math.Round(ms, 1);

    private static Doc Replica(Doc server, long client)
    {
        var doc = new Doc(new DocOptions { ClientId = client });
        Y.ApplyUpdate(doc, Y.EncodeStateAsUpdate(server));
        return doc;
    }

    // Turns the clause text into its newer text with word-level edits, as people would type them.
    private static void Rewrite(YText body, string older, string newer)
    {
        var pos = 0;
        foreach (var run in TextDiffer.Compare(older, newer).Runs)
        {
            switch (run.Kind)
            {
                case DiffRunKind.Equal:
                    pos += run.Text.Length;
                    break;
                case DiffRunKind.Deleted:
                    body.Delete(pos, run.Text.Length);
                    break;
                default:
                    body.Insert(pos, run.Text);
                    pos += run.Text.Length;
                    break;
            }
        }
    }

    private static string Replay(EditingTrace trace, int count)
    {
        var buffer = new List<char>(trace.StartContent);
        for (var i = 0; i < count; i++)
        {
            var p = trace.Patches[i];
            buffer.RemoveRange(p.Position, p.DeleteCount);
            buffer.InsertRange(p.Position, p.Inserted);
        }
        return new string([.. buffer]);
    }

    // 20 clauses of consecutive paragraphs, cut where the running length passes each twentieth.
    private static List<string> Cut(string text)
    {
        var paragraphs = text.Split("\n\n");
        var clauses = new List<string>();
        var current = new List<string>();
        var target = text.Length / 20.0;
        var length = 0;
        for (var i = 0; i < paragraphs.Length; i++)
        {
            current.Add(paragraphs[i]);
            length += paragraphs[i].Length + 2;
            if (clauses.Count < 19 && (length >= target * (clauses.Count + 1) || paragraphs.Length - i - 1 == 19 - clauses.Count))
            {
                clauses.Add(string.Join("\n\n", current));
                current.Clear();
            }
        }
        clauses.Add(string.Join("\n\n", current));
        while (clauses.Count < 20) clauses.Add("");
        return clauses;
    }

    public static string Usage => string.Create(CultureInfo.InvariantCulture, $"diff-versions <trace.json.gz> [--runs N]");
}
