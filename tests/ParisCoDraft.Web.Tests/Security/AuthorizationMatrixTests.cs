using System.Net;
using System.Reflection;
using System.Text.Json;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Web.Deliberation;
using ParisCoDraft.Web.Hubs;
using ParisCoDraft.Web.Tests.Support;

namespace ParisCoDraft.Web.Tests.Security;

/// <summary>
/// Per-object authorization, table-driven: every HTTP endpoint (enumerated from the app's EndpointDataSource)
/// and every hub method (by reflection on <see cref="BillHub"/>) is tried by every role of a bill, by a
/// browser without a session, by the facilitator of another bill and by someone whose link was revoked. The
/// expected answer of each is in the tables below; an endpoint or hub method without a row fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests : ServerTest
{
    private static readonly Caller[] Everyone =
    [
        Caller.Facilitator, Caller.Citizen, Caller.Elected, Caller.CivilServant, Caller.Clerk, Caller.Observer,
        Caller.NoSession, Caller.OtherBill, Caller.Revoked,
    ];

    private readonly Dictionary<Caller, Browser> _browsers = [];
    private CreatedBill _bill = null!;
    private string _clauseId = "";
    private string _commentId = "";

    /// <summary>
    /// One HTTP row: the request and, for the callers in <paramref name="Allowed"/>, the status expected; a member
    /// not allowed gets 403 and an outsider 401. A public row expects the same status from everyone.
    /// </summary>
    private sealed record HttpRow(string Key, string Path, object? Body, HttpStatusCode Status, Caller Allowed, bool Public = false);

    /// <summary>One hub row: the call's arguments after the bill id, and the answer ("ok" or a refusal code) of the allowed callers.</summary>
    private sealed record HubRow(string Method, string Label, Func<AuthorizationMatrixTests, Caller, object?[]> Args, Caller Allowed, string Answer, string Denied = HubErrors.Forbidden);

    private HttpRow[] HttpTable() =>
    [
        // Pages and the health check: static, the same for everyone; the page's script asks the API.
        new("GET /", "", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /bills/{billId}", $"bills/{B}", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /bills/{billId}/versions", $"bills/{B}/versions", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /bills/{billId}/ideas", $"bills/{B}/ideas", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /bills/{billId}/review", $"bills/{B}/review", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /bills/{billId}/console", $"bills/{B}/console", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /bills/{billId}/projector", $"bills/{B}/projector", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /join/{secret}", "join/whatever", null, HttpStatusCode.OK, Caller.None, Public: true),
        new("GET /healthz", "healthz", null, HttpStatusCode.OK, Caller.None, Public: true),
        // Anyone may start a bill (and becomes its facilitator); anyone holding a secret may join.
        new("POST /api/bills", "api/bills", new { title = "Autre texte", displayName = "Quelqu'un" }, HttpStatusCode.Created, Caller.None, Public: true),
        new("GET /api/join/{secret}", "api/join/notasecret", null, HttpStatusCode.NotFound, Caller.None, Public: true),
        new("POST /api/join", "api/join", new { secret = "notasecret", displayName = "Eve" }, HttpStatusCode.NotFound, Caller.None, Public: true),
        // The bill.
        new("GET /api/bills/{billId}", $"api/bills/{B}", null, HttpStatusCode.OK, Caller.Members),
        new("GET /api/bills/{billId}/me", $"api/bills/{B}/me", null, HttpStatusCode.OK, Caller.Members),
        new("GET /api/bills/{billId}/participants", $"api/bills/{B}/participants", null, HttpStatusCode.OK, Caller.Members),
        new("GET /api/bills/{billId}/invites", $"api/bills/{B}/invites", null, HttpStatusCode.OK, Caller.Facilitator),
        new("POST /api/bills/{billId}/invites", $"api/bills/{B}/invites", new { role = "observer" }, HttpStatusCode.Created, Caller.Facilitator),
        new("DELETE /api/bills/{billId}/invites/{inviteId}", $"api/bills/{B}/invites/inosuchinvite", null, HttpStatusCode.NotFound, Caller.Facilitator),
        new("GET /api/bills/{billId}/deliberation", $"api/bills/{B}/deliberation", null, HttpStatusCode.OK, Caller.Members),
        new("GET /api/bills/{billId}/audit", $"api/bills/{B}/audit", null, HttpStatusCode.OK, Caller.Clerks),
        // Workshops and versions.
        new("GET /api/bills/{billId}/workshops", $"api/bills/{B}/workshops", null, HttpStatusCode.OK, Caller.Members),
        new("POST /api/bills/{billId}/workshops", $"api/bills/{B}/workshops", new { name = "Atelier", date = "2025-03-01" }, HttpStatusCode.Created, Caller.Facilitator),
        new("POST /api/bills/{billId}/workshops/{workshopId}/open", $"api/bills/{B}/workshops/wnosuch/open", null, HttpStatusCode.NotFound, Caller.Facilitator),
        new("POST /api/bills/{billId}/workshops/{workshopId}/close", $"api/bills/{B}/workshops/wnosuch/close", null, HttpStatusCode.NotFound, Caller.Facilitator),
        new("GET /api/bills/{billId}/versions", $"api/bills/{B}/versions", null, HttpStatusCode.OK, Caller.Members),
        new("POST /api/bills/{billId}/versions", $"api/bills/{B}/versions", new { label = "Relecture" }, HttpStatusCode.Created, Caller.Facilitator),
        new("GET /api/bills/{billId}/versions/{versionId}", $"api/bills/{B}/versions/current", null, HttpStatusCode.OK, Caller.Members),
        new("GET /api/bills/{billId}/diff", $"api/bills/{B}/diff?from=current&to=current", null, HttpStatusCode.OK, Caller.Members),
        new("GET /api/bills/{billId}/export", $"api/bills/{B}/export?format=md", null, HttpStatusCode.OK, Caller.Clerks),
        // Ideas and follow-up.
        new("GET /api/bills/{billId}/ideas", $"api/bills/{B}/ideas", null, HttpStatusCode.OK, Caller.Members),
        new("POST /api/bills/{billId}/ideas/import", $"api/bills/{B}/ideas/import", new { format = "csv", content = "number,title,text,source_group\n1,Ombre,Des arbres,\n" }, HttpStatusCode.OK, Caller.Facilitator),
        new("PUT /api/bills/{billId}/ideas/{number:int}/disposition", $"api/bills/{B}/ideas/999/disposition", new { kind = (string?)null }, HttpStatusCode.NotFound, Caller.Facilitator),
        new("GET /api/bills/{billId}/follow-up", $"api/bills/{B}/follow-up", null, HttpStatusCode.OK, Caller.Members),
        new("PUT /api/bills/{billId}/follow-up/adoption", $"api/bills/{B}/follow-up/adoption", new { date = (string?)null }, HttpStatusCode.NoContent, Caller.Clerks),
        new("POST /api/bills/{billId}/follow-up/commitments", $"api/bills/{B}/follow-up/commitments", new { clauseId = "cnosuch" }, HttpStatusCode.BadRequest, Caller.Clerks),
        new("PUT /api/bills/{billId}/follow-up/commitments/{commitmentId}", $"api/bills/{B}/follow-up/commitments/knosuch", new { clauseId = "cnosuch" }, HttpStatusCode.NotFound, Caller.Clerks),
        new("DELETE /api/bills/{billId}/follow-up/commitments/{commitmentId}", $"api/bills/{B}/follow-up/commitments/knosuch", null, HttpStatusCode.NotFound, Caller.Clerks),
    ];

    /// <summary>The hub's own HTTP endpoints: what they lead to is the hub table.</summary>
    private static readonly string[] HubEndpoints = ["* /hubs/bill/negotiate", "* /hubs/bill"];

    private static HubRow[] HubTable() =>
    [
        new("Join", "Join", (t, c) => [new long[] { ClientIdOf(c) }], Caller.Members, "ok"),
        new("Sync", "Sync step 1", (_, _) => [Wire.Sync(Wire.Step1, [0])], Caller.Members, "ok"),
        new("Sync", "Sync update", (_, c) => [Wire.Sync(Wire.Update, NewTextUpdate(ClientIdOf(c)))], Caller.Deliberators, "ok", HubErrors.ReadOnly),
        new("Awareness", "Awareness", (_, c) => [Wire.Awareness((ClientIdOf(c), 1, "{\"cursor\":null}"))], Caller.Members, "ok"),
        new("GetDeliberation", "GetDeliberation", (_, _) => [], Caller.Members, "ok"),
        // Clerks may comment (for the record); observers only read.
        new("AddComment", "AddComment (empty)", (_, _) => [new NewComment(null, null, null, null, null, null, null, null)],
            Caller.Deliberators | Caller.Clerk, DeliberationErrors.InvalidInput),
        new("EditComment", "EditComment (the citizen's)", (t, _) => [t._commentId, "Texte corrigé"], Caller.Citizen, "ok"),
        new("ResolveComment", "ResolveComment (the citizen's)", (t, _) => [t._commentId, true], Caller.Deliberators, "ok"),
        new("DeleteComment", "DeleteComment (the citizen's)", (t, _) => [t._commentId], Caller.Citizen, "ok"),
        new("HideComment", "HideComment (the citizen's)", (t, _) => [t._commentId, "Hors sujet"], Caller.Facilitator, "ok"),
        new("SetStance", "SetStance (no target)", (_, _) => [new NewStance(null, null, null)], Caller.Deliberators, DeliberationErrors.InvalidInput),
        // Withdrawing a stance one does not have changes nothing: allowed to every member, answers false.
        new("WithdrawStance", "WithdrawStance", (t, _) => [t._clauseId], Caller.Members, "ok"),
        new("ProposeAmendment", "ProposeAmendment (empty)", (_, _) => [new NewAmendment(null, null, null, null, null)], Caller.Deliberators, DeliberationErrors.InvalidInput),
        new("AdoptAmendment", "AdoptAmendment (unknown)", (_, _) => ["anosuch", null], Caller.Facilitator, DeliberationErrors.UnknownAmendment),
        new("SetAmendmentAside", "SetAmendmentAside (unknown)", (_, _) => ["anosuch", null], Caller.Facilitator, DeliberationErrors.UnknownAmendment),
        new("SetAgenda", "SetAgenda (bad minutes)", (t, _) => [new[] { new AgendaEntry(t._clauseId, -5) }], Caller.Facilitator, DeliberationErrors.InvalidInput),
        new("StartAgendaItem", "StartAgendaItem (unknown)", (_, _) => ["cnosuch"], Caller.Facilitator, DeliberationErrors.UnknownClause),
        new("EndAgendaItem", "EndAgendaItem (none running)", (_, _) => [], Caller.Facilitator, DeliberationErrors.Conflict),
        new("SetFocus", "SetFocus (unknown)", (_, _) => ["cnosuch"], Caller.Facilitator, DeliberationErrors.UnknownClause),
        new("LockClause", "LockClause (unknown)", (_, _) => ["cnosuch", "Relecture"], Caller.Facilitator, DeliberationErrors.UnknownClause),
        new("UnlockClause", "UnlockClause (not locked)", (_, _) => ["cnosuch"], Caller.Facilitator, DeliberationErrors.Conflict),
        new("OpenRound", "OpenRound (unknown)", (_, _) => ["cnosuch"], Caller.Facilitator, DeliberationErrors.UnknownClause),
        new("CloseRound", "CloseRound (none open)", (_, _) => [], Caller.Facilitator, DeliberationErrors.Conflict),
        new("SetConsensusRule", "SetConsensusRule (none)", (_, _) => [null], Caller.Facilitator, DeliberationErrors.InvalidInput),
        new("SetApprovalRule", "SetApprovalRule (unknown)", (_, _) => ["dictature"], Caller.Facilitator, DeliberationErrors.InvalidInput),
        new("OpenVote", "OpenVote", (_, _) => [], Caller.Facilitator, "ok"),
        new("CastBallot", "CastBallot", (_, _) => [true], Caller.Citizen, "ok"),
        new("CloseVote", "CloseVote", (_, _) => [], Caller.Facilitator, "ok"),
        // The hybrid room: anyone joined says where they take part from; whoever may comment raises a hand;
        // only the facilitator gives or takes back the floor.
        new("SetAttendance", "SetAttendance (remote)", (_, _) => ["remote"], Caller.Members, "ok"),
        new("RaiseHand", "RaiseHand (lower, not raised)", (_, _) => [false], Caller.Deliberators | Caller.Clerk, "ok"),
        new("GiveFloor", "GiveFloor (no raised hand)", (_, _) => ["pnosuch"], Caller.Facilitator, DeliberationErrors.HandNotRaised),
        new("ClearFloor", "ClearFloor (nobody has it)", (_, _) => [], Caller.Facilitator, DeliberationErrors.NoFloor),
    ];

    private string B => _bill.BillId;

    public override async Task InitializeAsync()
    {
        // The pages the table opens, beside the three the test server writes.
        Directory.CreateDirectory(Dir.File("wwwroot"));
        foreach (var page in new[] { "versions.html", "ideas.html", "review.html", "console.html", "projector.html" })
        {
            await File.WriteAllTextAsync(Dir.File(Path.Combine("wwwroot", page)), $"<!doctype html><title>{page}</title>").Bounded();
        }
        await base.InitializeAsync();

        var facilitator = NewBrowser();
        _bill = await facilitator.CreateBillAsync("Îlots de fraîcheur");
        _browsers[Caller.Facilitator] = facilitator;
        foreach (var (caller, role) in new[]
                 {
                     (Caller.Citizen, "citizen"), (Caller.Elected, "elected"), (Caller.CivilServant, "civil-servant"),
                     (Caller.Clerk, "clerk"), (Caller.Observer, "observer"),
                 })
        {
            _browsers[caller] = NewBrowser();
            await _browsers[caller].JoinOkAsync(_bill.Invites[role], caller.ToString());
        }
        _browsers[Caller.NoSession] = NewBrowser();
        _browsers[Caller.OtherBill] = NewBrowser();
        await _browsers[Caller.OtherBill].CreateBillAsync("Autre texte", "Autre animation");

        // Revoked: joined through a link of its own, which the facilitator then revoked.
        var (_, link) = await facilitator.SendJsonAsync(HttpMethod.Post, $"api/bills/{B}/invites", new { role = "citizen" });
        _browsers[Caller.Revoked] = NewBrowser();
        await _browsers[Caller.Revoked].JoinOkAsync(link.GetProperty("url").GetString()!, "Révoqué");
        var (revoked, _) = await facilitator.SendJsonAsync(HttpMethod.Delete, $"api/bills/{B}/invites/{link.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, revoked);

        // An article, and a comment of the citizen's on it, for the rows that act on them.
        await using (var writer = await Peer.JoinAsync(facilitator, B))
        {
            await writer.SyncAsync();
            Assert.Null(await writer.SendUpdateAsync(writer.Edit(d => _clauseId = BillDocument.AddClause(d, new ClauseDraft("Objet", "La Ville plante.")))));
        }
        await using (var citizen = await Peer.JoinAsync(_browsers[Caller.Citizen], B))
        {
            var comment = await citizen.Hub.InvokeAsync("AddComment", B, new NewComment(_clauseId, null, null, "Pourquoi pas des fontaines ?", null, null, null, null));
            _commentId = comment.GetProperty("id").GetString()!;
        }
    }

    [Fact]
    public async Task EveryHttpEndpointAnswersEachCallerAsItsRowSays()
    {
        var table = HttpTable();
        var mapped = EndpointCatalog.Keys(Server);
        var rows = table.Select(r => r.Key).Concat(HubEndpoints).ToHashSet(StringComparer.Ordinal);
        Assert.True(mapped.SetEquals(rows),
            "The table and the app's endpoints differ.\nWithout a row: " + string.Join(", ", mapped.Except(rows)) +
            "\nRow without an endpoint: " + string.Join(", ", rows.Except(mapped)));

        var failures = new List<string>();
        foreach (var row in table)
        {
            foreach (var caller in Everyone)
            {
                var expected = row.Public || row.Allowed.HasFlag(caller) ? row.Status
                    : (Caller.Members.HasFlag(caller) ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized);
                var (method, _) = (row.Key.Split(' ')[0], 0);
                using var request = new HttpRequestMessage(new HttpMethod(method), row.Path);
                if (row.Body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(row.Body);
                using var response = await _browsers[caller].Http.SendAsync(request).Bounded();
                if (response.StatusCode != expected)
                {
                    failures.Add($"{row.Key} as {caller}: {(int)response.StatusCode}, expected {(int)expected} ({await response.Content.ReadAsStringAsync().Bounded()})");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryHubMethodAnswersEachCallerAsItsRowSays()
    {
        var table = HubTable();
        var methods = typeof(BillHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !m.Name.StartsWith("On", StringComparison.Ordinal))
            .Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var rows = table.Select(r => r.Method).ToHashSet(StringComparer.Ordinal);
        Assert.True(methods.SetEquals(rows),
            "The table and the hub's methods differ.\nWithout a row: " + string.Join(", ", methods.Except(rows)) +
            "\nRow without a method: " + string.Join(", ", rows.Except(methods)));

        var hubs = new Dictionary<Caller, HubClient>();
        try
        {
            foreach (var caller in Everyone) hubs[caller] = await _browsers[caller].OpenHubAsync();
            var failures = new List<string>();
            foreach (var row in table)
            {
                foreach (var caller in Everyone)
                {
                    // An outsider is refused at Join, so every other call finds it not joined.
                    var expected = row.Allowed.HasFlag(caller) ? row.Answer
                        : Caller.Members.HasFlag(caller) ? row.Denied
                        : row.Method == "Join" ? HubErrors.Forbidden : HubErrors.NotJoined;
                    var answer = await AnswerAsync(hubs[caller], row.Method, [B, .. row.Args(this, caller)]);
                    if (answer != expected) failures.Add($"{row.Label} as {caller}: {answer}, expected {expected}");
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
        finally
        {
            foreach (var hub in hubs.Values) await hub.DisposeAsync();
        }
    }

    private static async Task<string> AnswerAsync(HubClient hub, string method, object?[] args)
    {
        try
        {
            await hub.InvokeAsync(method, args);
            return "ok";
        }
        catch (HubInvocationException e)
        {
            return e.Code;
        }
    }

    private static long ClientIdOf(Caller caller) => 700_000 + (long)caller;

    /// <summary>An update that inserts into a text of its own, depending on nothing: valid from any client.</summary>
    private static byte[] NewTextUpdate(long clientId)
    {
        var doc = new Doc(new DocOptions { ClientId = clientId });
        doc.GetText("matrix-" + clientId).Insert(0, "x");
        return Y.EncodeStateAsUpdate(doc);
    }
}
