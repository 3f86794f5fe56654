using System.Net;
using System.Text.Json;
using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Deliberation;
using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Web.Tests.Deliberation.DeliberationRoom;

namespace ParisCoDraft.Web.Tests.Deliberation;

public sealed class DeliberationHubTests : ServerTest
{
    private Task<DeliberationRoom> RoomAsync() => DeliberationRoom.OpenAsync(NewBrowser);

    private static async Task<JsonElement> ViewAsync(Browser browser, string billId)
    {
        var (status, body) = await browser.GetJsonAsync($"api/bills/{billId}/deliberation");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static JsonElement Standing(JsonElement view, string clauseId) =>
        view.GetProperty("standing").EnumerateArray().Single(s => s.GetProperty("clauseId").GetString() == clauseId);

    [Fact]
    public async Task RejectsAnEditToALockedClauseDecodedFromTheUpdateAndAcceptsEditsElsewhere()
    {
        await using var room = await RoomAsync();
        var session = await Call(room.Facilitator, "LockClause", room.First, "Validation du texte en séance");
        Assert.Equal(room.First, session.GetProperty("locks")[0].GetProperty("clauseId").GetString());
        var told = await room.Citizen.Hub.NextCallAsync("Session");
        Assert.Equal("Validation du texte en séance", told[1].GetProperty("locks")[0].GetProperty("reason").GetString());

        var intoLocked = EditBody(room.Citizen, room.First, t => t.Insert(0, "Dès 2026, "));
        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => room.Citizen.SendUpdateAsync(intoLocked));
        Assert.Equal("locked", refused.Code);
        Assert.Contains("Validation du texte en séance", refused.Message, StringComparison.Ordinal);

        // Deleting text of a locked clause is refused the same way (the delete set is decoded too).
        await using var other = await Peer.JoinAsync(room.CitizenBrowser, room.BillId);
        await other.SyncAsync();
        var deletion = EditBody(other, room.First, t => t.Delete(0, 3));
        Assert.Equal("locked", (await Assert.ThrowsAsync<HubInvocationException>(() => other.SendUpdateAsync(deletion))).Code);

        var elsewhere = EditBody(other, room.Second, t => t.Insert(0, "Chaque année, "));
        Assert.Null(await other.SendUpdateAsync(elsewhere));

        Assert.Equal("La Ville crée des îlots de fraîcheur dans chaque arrondissement.", (await room.ServerClauseAsync(room.First)).Body);
        Assert.StartsWith("Chaque année, ", (await room.ServerClauseAsync(room.Second)).Body, StringComparison.Ordinal);

        await Call(room.Facilitator, "UnlockClause", room.First);
        await using var after = await Peer.JoinAsync(room.CitizenBrowser, room.BillId);
        await after.SyncAsync();
        Assert.Null(await after.SendUpdateAsync(EditBody(after, room.First, t => t.Insert(0, "Dès 2026, "))));
        Assert.StartsWith("Dès 2026, ", (await room.ServerClauseAsync(room.First)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyFacilitatorsRunTheSessionObserversReadOnlyAndClerksMayComment()
    {
        await using var room = await RoomAsync();
        Assert.Equal("forbidden", await RefusedAsync(room.Citizen, "LockClause", room.First, "non"));
        Assert.Equal("forbidden", await RefusedAsync(room.Elected, "SetFocus", room.First));
        Assert.Equal("forbidden", await RefusedAsync(room.CivilServant, "OpenRound", room.First));
        Assert.Equal("forbidden", await RefusedAsync(room.Citizen, "OpenVote"));
        Assert.Equal("forbidden", await RefusedAsync(room.Clerk, "SetAgenda", (object)new[] { new { clauseId = room.First, minutes = 5 } }));

        Assert.Equal("forbidden", await RefusedAsync(room.Observer, "AddComment", new { clauseId = room.First, body = "Je lis seulement." }));
        Assert.Equal("forbidden", await RefusedAsync(room.Observer, "SetStance", new { targetId = room.First, stance = "agree" }));
        Assert.Equal("forbidden", await RefusedAsync(room.Observer, "ProposeAmendment", new { clauseId = room.First, heading = "Objet", body = "Autre." }));
        Assert.Equal("forbidden", await RefusedAsync(room.Clerk, "SetStance", new { targetId = room.First, stance = "agree" }));

        var remark = await Call(room.Clerk, "AddComment", new { clauseId = room.First, body = "Préciser « arrondissement » au sens du CGCT." });
        Assert.Equal("clerk", remark.GetProperty("author").GetProperty("role").GetString());

        var amendment = await Call(room.Elected, "ProposeAmendment", new { clauseId = room.First, heading = "Objet", body = "La Ville crée des îlots." });
        Assert.Equal("forbidden", await RefusedAsync(room.Citizen, "AdoptAmendment", amendment.GetProperty("id").GetString(), null));
        Assert.Equal("forbidden", await RefusedAsync(room.Citizen, "HideComment", remark.GetProperty("id").GetString(), "hors sujet"));
        Assert.Equal("forbidden", await RefusedAsync(room.Elected, "EditComment", remark.GetProperty("id").GetString(), "réécrit"));
    }

    [Fact]
    public async Task StancesNeedReasonsForReservationsAndBlocksAndAnEditMakesThemStaleUntilConfirmed()
    {
        await using var room = await RoomAsync();
        Assert.Equal("invalid-input", await RefusedAsync(room.Citizen, "SetStance", new { targetId = room.First, stance = "block" }));

        var given = await Call(room.Citizen, "SetStance", new { targetId = room.First, stance = "agree" });
        var seen = await room.Elected.Hub.NextCallAsync("Stance");
        Assert.Equal("Camille Citoyenne", seen[1].GetProperty("marker").GetProperty("displayName").GetString());
        await Call(room.Elected, "SetStance", new { targetId = room.First, stance = "reservations", reason = "Le coût n'est pas chiffré." });
        await Call(room.CivilServant, "SetStance", new { targetId = room.First, stance = "agree" });

        var text = (await room.ServerClauseAsync(room.First));
        Assert.Equal(ClauseTextHash.Of(text), given.GetProperty("textHash").GetString());
        var before = Standing(await ViewAsync(room.CitizenBrowser, room.BillId), room.First);
        Assert.Equal("consensus", before.GetProperty("state").GetString());

        Assert.Null(await room.CivilServant.SendUpdateAsync(EditBody(room.CivilServant, room.First, t => t.Insert(t.Length, " Sous réserve des crédits."))));
        var after = Standing(await ViewAsync(room.CitizenBrowser, room.BillId), room.First);
        Assert.Equal("not-assessed", after.GetProperty("state").GetString());
        Assert.Equal(3, after.GetProperty("stale").GetInt32());

        await Call(room.Citizen, "SetStance", new { targetId = room.First, stance = "agree" }); // confirm on the new text
        var confirmed = Standing(await ViewAsync(room.CitizenBrowser, room.BillId), room.First);
        Assert.Equal(2, confirmed.GetProperty("stale").GetInt32());
        Assert.Equal(1, confirmed.GetProperty("tallies").GetProperty("citizens").GetProperty("agree").GetInt32());

        Assert.True((await Call(room.Citizen, "WithdrawStance", room.First)).GetBoolean());
        Assert.False((await Call(room.Citizen, "WithdrawStance", room.First)).GetBoolean());
    }

    [Fact]
    public async Task ARangeCommentReachesEveryoneLiveAndSaysWhenItsTextWasDeleted()
    {
        await using var room = await RoomAsync();
        var body = (await room.ServerClauseAsync(room.First)).Body;
        var from = body.IndexOf("chaque arrondissement", StringComparison.Ordinal);
        var (start, end) = CommentAnchor.Create(room.Citizen.Doc, room.First, "body", from, from + "chaque arrondissement".Length);

        var comment = await Call(room.Citizen, "AddComment", new
        {
            clauseId = room.First, body = "Et les arrondissements du centre ?", field = "body",
            anchorStart = Convert.ToBase64String(start), anchorEnd = Convert.ToBase64String(end),
        });
        Assert.Equal("Camille Citoyenne", comment.GetProperty("author").GetProperty("displayName").GetString());
        Assert.Equal("chaque arrondissement", comment.GetProperty("quote").GetString());
        var live = await room.Observer.Hub.NextCallAsync("Comment");
        Assert.Equal(comment.GetProperty("id").GetString(), live[1].GetProperty("id").GetString());

        var reply = await Call(room.Elected, "AddComment", new { parentId = comment.GetProperty("id").GetString(), body = "Tous, oui." });
        Assert.Equal(comment.GetProperty("id").GetString(), reply.GetProperty("parentId").GetString());

        // Someone deletes the commented words: the thread's anchor now says its text is gone.
        Assert.Null(await room.Elected.SendUpdateAsync(EditBody(room.Elected, room.First, t =>
        {
            var s = t.ToString();
            var at = s.IndexOf(" dans chaque arrondissement", StringComparison.Ordinal);
            t.Delete(at, " dans chaque arrondissement".Length);
        })));
        var view = await ViewAsync(room.CitizenBrowser, room.BillId);
        var thread = view.GetProperty("comments").EnumerateArray().Single(c => c.GetProperty("id").GetString() == comment.GetProperty("id").GetString());
        Assert.True(thread.GetProperty("anchor").GetProperty("deleted").GetBoolean());

        var resolved = await Call(room.Citizen, "ResolveComment", comment.GetProperty("id").GetString(), true);
        Assert.Equal("Camille Citoyenne", resolved.GetProperty("resolvedBy").GetString());
        var hidden = await Call(room.Facilitator, "HideComment", reply.GetProperty("id").GetString(), "Hors sujet");
        Assert.True(hidden.GetProperty("hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("body").ValueKind);
        var deleted = await Call(room.Citizen, "DeleteComment", comment.GetProperty("id").GetString());
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
    }

    [Fact]
    public async Task AdoptingAnAmendmentReplacesTheClauseAsOneStoredUpdateThatEveryoneReceivesEvenWhenLocked()
    {
        await using var room = await RoomAsync();
        var amendment = await Call(room.Elected, "ProposeAmendment", new
        {
            clauseId = room.First, heading = "Objet", body = "La Ville crée et entretient des îlots de fraîcheur dans chaque quartier.",
            rationale = "Entretien",
        });
        var id = amendment.GetProperty("id").GetString();
        await Call(room.Citizen, "SetStance", new { targetId = id, stance = "agree" });
        await Call(room.Facilitator, "LockClause", room.First, "Vote de l'amendement");
        while (room.Citizen.Hub.TryTakeCall("Sync", out _)) { }

        var adopted = await Call(room.Facilitator, "AdoptAmendment", id, "Adopté en séance");
        Assert.Equal("adopted", adopted.GetProperty("status").GetString());

        var sync = await room.Citizen.Hub.NextCallAsync("Sync");
        room.Citizen.Apply(sync[1].GetBytesFromBase64());
        Assert.Equal("La Ville crée et entretient des îlots de fraîcheur dans chaque quartier.",
            BillDocument.Read(room.Citizen.Doc).Clauses.Single(c => c.Id == room.First).Body);
        Assert.Equal("La Ville crée et entretient des îlots de fraîcheur dans chaque quartier.", (await room.ServerClauseAsync(room.First)).Body);
        Assert.Equal("conflict", await RefusedAsync(room.Facilitator, "AdoptAmendment", id, null));

        var (status, audit) = await room.FacilitatorBrowser.GetJsonAsync($"api/bills/{room.BillId}/audit");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "amendment.adopt");
    }

    [Fact]
    public async Task ARoundRecordsItsResultAndTheFocusReachesEveryone()
    {
        await using var room = await RoomAsync();
        // (object): an array of a reference type would otherwise become the params array itself.
        await Call(room.Facilitator, "SetAgenda", (object)new[] { new { clauseId = room.Second, minutes = 5 }, new { clauseId = room.First, minutes = 10 } });
        var started = await Call(room.Facilitator, "StartAgendaItem", room.Second);
        Assert.Equal("current", started.GetProperty("agenda")[0].GetProperty("status").GetString());
        await Call(room.Facilitator, "OpenRound", room.First);
        JsonElement[] focus;
        do focus = await room.Observer.Hub.NextCallAsync("Session");
        while (focus[1].GetProperty("round").ValueKind == JsonValueKind.Null);
        Assert.Equal(room.First, focus[1].GetProperty("focusClauseId").GetString());
        Assert.Equal("conflict", await RefusedAsync(room.Facilitator, "OpenRound", room.Second));

        await Call(room.Citizen, "SetStance", new { targetId = room.First, stance = "agree" });
        await Call(room.Elected, "SetStance", new { targetId = room.First, stance = "block", reason = "Pas de financement." });
        var closed = await Call(room.Facilitator, "CloseRound");
        var result = closed.GetProperty("rounds")[0].GetProperty("result");
        Assert.Equal("blocked", result.GetProperty("state").GetString());
        Assert.Equal(1, result.GetProperty("tallies").GetProperty("elected-officials").GetProperty("block").GetInt32());
        Assert.Equal(2, result.GetProperty("markers").GetArrayLength());
    }

    [Fact]
    public async Task TheApprovalVoteFreezesTheTextRecordsTheExactTextsHashAndSurvivesARestart()
    {
        System.Net.CookieCollection cookies;
        string billId, expectedSha;
        await using (var room = await RoomAsync())
        {
            (cookies, billId) = (room.FacilitatorBrowser.Cookies.GetAllCookies(), room.BillId);
            expectedSha = BillDocument.Read(room.Citizen.Doc).Sha256();
            var opened = await Call(room.Facilitator, "OpenVote");
            Assert.Equal(expectedSha, opened.GetProperty("vote").GetProperty("textSha256").GetString());
            Assert.Equal("unanimity", opened.GetProperty("vote").GetProperty("rule").GetString());

            var edit = room.Citizen.Edit(d => d.GetText(BillDocument.TitleRoot).Insert(0, "Nouveau "));
            Assert.Equal("locked", (await Assert.ThrowsAsync<HubInvocationException>(() => room.Citizen.SendUpdateAsync(edit))).Code);
            Assert.Equal("forbidden", await RefusedAsync(room.Elected, "CastBallot", true));

            var ballot = await Call(room.Citizen, "CastBallot", true);
            Assert.Single(ballot.GetProperty("vote").GetProperty("ballots").EnumerateArray());
            var closed = await Call(room.Facilitator, "CloseVote");
            var outcome = closed.GetProperty("lastVote").GetProperty("outcome");
            Assert.True(outcome.GetProperty("approved").GetBoolean());
            Assert.Equal(expectedSha, outcome.GetProperty("textSha256").GetString());
        }

        await RestartAsync();
        var facilitator = NewBrowser();
        facilitator.Cookies.Add(cookies);
        var view = await ViewAsync(facilitator, billId);
        var last = view.GetProperty("session").GetProperty("lastVote");
        Assert.True(last.GetProperty("outcome").GetProperty("approved").GetBoolean());
        Assert.Equal(expectedSha, last.GetProperty("textSha256").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("session").GetProperty("vote").ValueKind);
    }

    [Fact]
    public async Task TheAuditLogIsReadByFacilitatorsAndClerksOnlyAndKeepsWhoDidWhat()
    {
        await using var room = await RoomAsync();
        await Call(room.Citizen, "AddComment", new { clauseId = room.First, body = "Premier avis." });
        await Call(room.Facilitator, "LockClause", room.First, "Relecture");

        var (citizenStatus, _) = await room.CitizenBrowser.GetJsonAsync($"api/bills/{room.BillId}/audit");
        Assert.Equal(HttpStatusCode.Forbidden, citizenStatus);
        var (status, audit) = await room.ClerkBrowser.GetJsonAsync($"api/bills/{room.BillId}/audit");
        Assert.Equal(HttpStatusCode.OK, status);
        var comment = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "comment.add");
        Assert.Equal("citizen", comment.GetProperty("role").GetString());
        Assert.Equal("Camille Citoyenne", comment.GetProperty("displayName").GetString());
        var lockLine = audit.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "clause.lock");
        Assert.Equal(room.First, lockLine.GetProperty("detail").GetProperty("clauseId").GetString());
    }
}
