using System.Diagnostics;
using System.Net;
using Npgsql;
using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Tests.Deliberation;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// <c>scripts/backup</c> taken while the server runs and people keep working, then <c>scripts/restore</c> into a
/// new store and a server started on it: the same bill text, versions, deliberation record and audit log as at
/// the moment of the backup (and not what came after it). SQLite and PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BackupRestoreTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task ABackupOfTheSqliteFileRestoresTheSameBillVersionsDeliberationAndAuditLog()
    {
        var path = _dir.File("live.db");
        var backup = _dir.File("backup.db");
        var restored = _dir.File("restored.db");
        await RoundTripAsync(
            start: () => TestServer.StartAsync(path),
            backupArgs: [path, backup],
            restoreArgs: [backup, restored],
            startRestored: () => TestServer.StartAsync(restored));
    }

    [Fact]
    public async Task ABackupOfThePostgresDatabaseRestoresTheSameBillVersionsDeliberationAndAuditLog()
    {
        var live = await postgres.CreateDatabaseAsync().Bounded(TimeSpan.FromSeconds(30));
        var empty = await postgres.CreateDatabaseAsync().Bounded(TimeSpan.FromSeconds(30));
        var dump = _dir.File("backup.dump");
        await RoundTripAsync(
            start: () => TestServer.StartAsync(_dir.File("unused.db"), new Dictionary<string, string?> { ["ParisCoDraft:Postgres"] = live }),
            backupArgs: ["--postgres", Libpq(live), dump],
            restoreArgs: ["--postgres", dump, Libpq(empty)],
            startRestored: () => TestServer.StartAsync(_dir.File("unused2.db"), new Dictionary<string, string?> { ["ParisCoDraft:Postgres"] = empty }));
    }

    private static string Libpq(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        return $"host={b.Host} port={b.Port} dbname={b.Database} user={b.Username}";
    }

    private async Task RoundTripAsync(Func<Task<TestServer>> start, string[] backupArgs, string[] restoreArgs, Func<Task<TestServer>> startRestored)
    {
        var server = await start();
        var browsers = new List<Browser>();
        Browser NewBrowser()
        {
            var b = new Browser(server.BaseUri);
            browsers.Add(b);
            return b;
        }
        string billId;
        Snapshot atBackup;
        try
        {
            await using (var room = await DeliberationRoom.OpenAsync(NewBrowser))
            {
                billId = room.BillId;
                await DeliberationRoom.Call(room.Citizen, "AddComment", new { clauseId = room.First, body = "Préciser le calendrier." });
                await DeliberationRoom.Call(room.Elected, "SetStance", new { targetId = room.First, stance = "reservations", reason = "Le budget d'abord." });
                await DeliberationRoom.Call(room.Facilitator, "LockClause", room.Second, "En discussion");
                var (status, _) = await room.FacilitatorBrowser.SendJsonAsync(HttpMethod.Post, $"api/bills/{billId}/versions", new { label = "Avant sauvegarde" });
                Assert.Equal(HttpStatusCode.Created, status);
                await room.Citizen.SendUpdateAsync(DeliberationRoom.EditBody(room.Citizen, room.First, t => t.Insert(0, "Dès 2027, ")));

                atBackup = await Snapshot.TakeAsync(room.FacilitatorBrowser, billId);
                var run = await RunScriptAsync("backup", backupArgs);
                output.WriteLine(run);

                // Work goes on after the backup: none of it is in the backup.
                await DeliberationRoom.Call(room.Citizen, "AddComment", new { clauseId = room.First, body = "Après la sauvegarde." });
                await room.Citizen.SendUpdateAsync(DeliberationRoom.EditBody(room.Citizen, room.First, t => t.Insert(0, "APRÈS ")));
                Assert.NotEqual(atBackup, await Snapshot.TakeAsync(room.FacilitatorBrowser, billId));
                var cookies = room.FacilitatorBrowser.Cookies.GetAllCookies();
                await server.DisposeAsync();
                output.WriteLine(await RunScriptAsync("restore", restoreArgs));

                server = await startRestored();
                using var again = new Browser(server.BaseUri);
                foreach (Cookie c in cookies) again.Cookies.Add(server.BaseUri, new Cookie(c.Name, c.Value));
                var afterRestore = await Snapshot.TakeAsync(again, billId);
                Assert.Equal(atBackup.Text, afterRestore.Text);
                Assert.Equal(atBackup.Versions, afterRestore.Versions);
                Assert.Equal(atBackup.Deliberation, afterRestore.Deliberation);
                Assert.Equal(atBackup.Audit, afterRestore.Audit);
                new FaultFigures("backup then restore", 1, atBackup.Count, afterRestore.Count, Math.Max(0, atBackup.Count - afterRestore.Count), atBackup == afterRestore).Report(output);
            }
        }
        finally
        {
            foreach (var b in browsers) b.Dispose();
            await server.DisposeAsync();
        }
    }

    private static async Task<string> RunScriptAsync(string name, string[] args)
    {
        var root = NodeJs.RepositoryRoot ?? throw new InvalidOperationException("repository root not found");
        var info = new ProcessStartInfo(Path.Combine(root, "scripts", name)) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().Bounded(TimeSpan.FromSeconds(120));
        var text = await stdout + await stderr;
        Assert.True(p.ExitCode == 0, $"scripts/{name} failed ({p.ExitCode}): {text}");
        return text;
    }

    /// <summary>What a bill is made of, as the API shows it: text, versions, deliberation, audit log.</summary>
    private sealed record Snapshot(string Text, string Versions, string Deliberation, string Audit, int Count)
    {
        public static async Task<Snapshot> TakeAsync(Browser facilitator, string billId)
        {
            await using var reader = await Peer.JoinAsync(facilitator, billId);
            await reader.SyncAsync();
            // The whole document, byte for byte (the reader wrote nothing: only the store's content is in it).
            var text = Convert.ToBase64String(reader.Read(d => ParisCoDraft.Crdt.Y.EncodeStateAsUpdate(d)));
            var versions = await facilitator.GetJsonAsync($"api/bills/{billId}/versions");
            var deliberation = await facilitator.GetJsonAsync($"api/bills/{billId}/deliberation");
            var audit = await facilitator.GetJsonAsync($"api/bills/{billId}/audit?limit=1000");
            Assert.Equal(HttpStatusCode.OK, audit.Status);
            var count = versions.Body.GetArrayLength() + audit.Body.GetArrayLength() + deliberation.Body.GetProperty("comments").GetArrayLength();
            return new Snapshot(text, versions.Body.GetRawText(), deliberation.Body.GetRawText(), audit.Body.GetRawText(), count);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
