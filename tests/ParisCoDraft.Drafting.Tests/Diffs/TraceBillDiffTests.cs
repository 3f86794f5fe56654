using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using ParisCoDraft.Drafting.Tests.Exports;
using Xunit.Abstractions;

namespace ParisCoDraft.Drafting.Tests.Diffs;

/// <summary>
/// A bill made of a real editing session (the automerge-paper trace, replayed): the
/// text halfway through (and at 95 %) and at the end, each cut into 20 clauses, compared. Prints the time, asserts none.
/// </summary>
public class TraceBillDiffTests(ITestOutputHelper output)
{
    private const string Trace = "traces/automerge-paper.json.gz";

    [SharedFileFact(Trace)]
    public void ComparesTheTwentyClauseTraceBillAndRebuildsBothVersions()
    {
        var (snapshots, end) = Replay(Builders.SharedFile(Trace)!, [0.5, 0.95]);
        var newer = ToBill(end);
        foreach (var (fraction, text) in snapshots)
        {
            var older = ToBill(text);
            BillDiffer.Compare(older, newer); // warm-up (JIT)
            var sw = Stopwatch.StartNew();
            var diff = BillDiffer.Compare(older, newer);
            var compare = sw.Elapsed.TotalMilliseconds;
            var inline = DiffHtml.Inline(diff);
            var side = DiffHtml.SideBySide(diff);
            var render = sw.Elapsed.TotalMilliseconds - compare;
            output.WriteLine($"automerge-paper bill, version at {fraction:P0} of the edits ({text.Length} chars) vs end ({end.Length} chars), 20 clauses: " +
                $"Compare {compare:F1} ms ({diff.Clauses.Sum(c => c.Body.WordsInserted)} words inserted, {diff.Clauses.Sum(c => c.Body.WordsDeleted)} deleted); " +
                $"inline + side-by-side HTML ({inline.Length + side.Length} chars) {render:F1} ms");

            Assert.Equal(20, diff.Clauses.Count);
            for (var i = 0; i < 20; i++)
            {
                var body = diff.Clauses[i].Body;
                Assert.Equal(older.Clauses[i].Body, string.Concat(body.Runs.Where(r => r.Kind != DiffRunKind.Inserted).Select(r => r.Text)));
                Assert.Equal(newer.Clauses[i].Body, string.Concat(body.Runs.Where(r => r.Kind != DiffRunKind.Deleted).Select(r => r.Text)));
            }
        }
    }

    // Replays the patches on a plain char buffer (a StringBuilder's Insert/Remove in the middle of 100 kB
    // took 20 s for the 260k patches; Array.Copy takes well under one).
    private static (List<(double Fraction, string Text)> Snapshots, string End) Replay(string path, double[] fractions)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gz);
        var txns = json.RootElement.GetProperty("txns");
        var buffer = json.RootElement.GetProperty("startContent").GetString()!.ToCharArray();
        var length = buffer.Length;
        var total = txns.GetArrayLength();
        var snapshots = new List<(double, string)>();
        var n = 0;
        foreach (var txn in txns.EnumerateArray())
        {
            foreach (var f in fractions)
            {
                if (n == (int)(total * f)) snapshots.Add((f, new string(buffer, 0, length)));
            }
            n++;
            foreach (var patch in txn.GetProperty("patches").EnumerateArray())
            {
                var pos = patch[0].GetInt32();
                var del = patch[1].GetInt32();
                var ins = patch[2].GetString()!;
                Array.Copy(buffer, pos + del, buffer, pos, length - pos - del);
                length -= del;
                if (length + ins.Length > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + ins.Length));
                Array.Copy(buffer, pos, buffer, pos + ins.Length, length - pos);
                ins.CopyTo(0, buffer, pos, ins.Length);
                length += ins.Length;
            }
        }
        var end = new string(buffer, 0, length);
        Assert.Equal(json.RootElement.GetProperty("endContent").GetString(), end);
        return (snapshots, end);
    }

    // 20 clauses of consecutive paragraphs, cut where the running length passes each twentieth.
    private static BillText ToBill(string text)
    {
        var paragraphs = text.Split("\n\n");
        var bill = Builders.Bill("automerge-paper");
        var target = text.Length / 20.0;
        var current = new List<string>();
        var length = 0;
        var clause = 0;
        foreach (var (p, i) in paragraphs.Select((p, i) => (p, i)))
        {
            current.Add(p);
            length += p.Length + 2;
            var remainingParagraphs = paragraphs.Length - i - 1;
            var remainingClauses = 19 - clause;
            if (clause < 19 && (length >= target * (clause + 1) || remainingParagraphs == remainingClauses))
            {
                bill.Clause(Builders.Id(++clause), $"Partie {clause}", string.Join("\n\n", current));
                current.Clear();
            }
        }
        bill.Clause(Builders.Id(++clause), $"Partie {clause}", string.Join("\n\n", current));
        return bill.Build();
    }
}
