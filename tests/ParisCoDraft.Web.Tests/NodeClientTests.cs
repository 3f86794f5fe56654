using System.Text.Json;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests;

public sealed class NodeClientTests : ServerTest
{
    [NodeFact]
    public async Task TheRealJavaScriptClientJoinsSyncsAndEditsWithACSharpPeer()
    {
        var bill = await NewBrowser().CreateBillAsync("Titre");
        var jsBrowser = NewBrowser();
        await jsBrowser.JoinOkAsync(bill.Invites["citizen"], "Camille (JS)");
        var cookie = jsBrowser.Cookies.GetCookies(Server.BaseUri)["pcd_" + bill.BillId]!;
        var csBrowser = NewBrowser();
        await csBrowser.JoinOkAsync(bill.Invites["elected"], "Élu (C#)");
        await using var cs = await Peer.JoinAsync(csBrowser, bill.BillId);
        await cs.SyncAsync();
        await cs.AppendToTitleAsync(" + C#");

        var script = Path.Combine(NodeJs.RepositoryRoot!, "tests", "ParisCoDraft.Web.Tests", "node", "js-client.mjs");
        var (exit, stdout, stderr) = await NodeJs.RunAsync(script, TimeSpan.FromSeconds(30),
            Server.BaseUri.ToString(), bill.BillId, $"{cookie.Name}={cookie.Value}", " + JS");

        Assert.True(exit == 0, $"node exited {exit}: {stderr}");
        var result = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal("citizen", result.GetProperty("join").GetProperty("role").GetString());
        Assert.Equal("Titre + C#", result.GetProperty("seen").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("ack").ValueKind);
        await cs.ReceiveUntilAsync(p => p.Title == "Titre + C# + JS");
    }
}
