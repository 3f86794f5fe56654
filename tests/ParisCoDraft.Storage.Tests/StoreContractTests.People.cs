using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Storage.Tests.Support.Builders;

namespace ParisCoDraft.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task CreatesABillWithItsInvitesCreatorSessionAndAuditInOneGo()
    {
        var creator = Participant("p0", "b1");
        await Store.CreateBillAsync(new NewBill(new BillRecord("b1", "Titre", Now), [1], [Invite("i1", "b1"), Invite("i2", "b1", "observer")],
            creator, Session("s0", "p0"), Audit("b1", "bill.created")), CancellationToken.None).Bounded();

        Assert.Equal(new BillRecord("b1", "Titre", Now), await Store.GetBillAsync("b1", CancellationToken.None).Bounded());
        Assert.Equal(["i1", "i2"], (await Store.ListInvitesAsync("b1", CancellationToken.None).Bounded()).Select(i => i.Id).Order());
        Assert.Equal(creator, await Store.FindSessionParticipantAsync(Session("s0", "p0").TokenHash, CancellationToken.None).Bounded());
        Assert.Equal("bill.created", (await Store.ListAuditAsync("b1", 10, CancellationToken.None).Bounded()).Single().Action);
        Assert.Null(await Store.GetBillAsync("b2", CancellationToken.None).Bounded());
    }

    [Fact]
    public async Task RefusesASecondBillWithTheSameIdAndKeepsTheFirst()
    {
        await CreateBillAsync("b1");
        await Assert.ThrowsAnyAsync<Exception>(() => Store.CreateBillAsync(Bill("b1") with { InitialDocument = [5] }, CancellationToken.None).Bounded());
        Assert.Equal([0, 0], (await Store.LoadDocumentAsync("b1", CancellationToken.None).Bounded())!.Snapshot);
    }

    [Fact]
    public async Task FindsAnInviteOnlyByTheHashOfItsSecret()
    {
        var invite = Invite("i1", "b1");
        await CreateBillAsync("b1", invite);
        var found = await Store.FindInviteAsync(invite.SecretHash, CancellationToken.None).Bounded();
        Assert.NotNull(found);
        Assert.Equal(invite.SecretHash, found.SecretHash);
        Assert.Equal(invite.Id, found.Id);
        Assert.Null(await Store.FindInviteAsync(Invite("other", "b1").SecretHash, CancellationToken.None).Bounded());
    }

    [Fact]
    public async Task RevokingAnInviteClosesTheSessionsOfThoseWhoJoinedThroughIt()
    {
        await CreateBillAsync("b1", Invite("i1", "b1"), Invite("i2", "b1"));
        Assert.True(await Store.AddParticipantAsync(Participant("pa", "b1", "i1"), Session("sa", "pa"), Audit("b1", "joined"), CancellationToken.None).Bounded());
        Assert.True(await Store.AddParticipantAsync(Participant("pb", "b1", "i2"), Session("sb", "pb"), null, CancellationToken.None).Bounded());

        var revoked = await Store.RevokeInviteAsync("b1", "i1", Now.AddMinutes(1), CancellationToken.None).Bounded();

        Assert.NotNull(revoked);
        Assert.Equal(Now.AddMinutes(1), revoked.Invite.Revoked);
        Assert.Equal(["pa"], revoked.ParticipantIds);
        Assert.Null(await Store.FindSessionParticipantAsync(Session("sa", "pa").TokenHash, CancellationToken.None).Bounded());
        Assert.Equal("pb", (await Store.FindSessionParticipantAsync(Session("sb", "pb").TokenHash, CancellationToken.None).Bounded())?.Id);
        Assert.False(await Store.AddParticipantAsync(Participant("pc", "b1", "i1"), Session("sc", "pc"), null, CancellationToken.None).Bounded());
        Assert.Equal(["pa", "pb"], (await Store.ListParticipantsAsync("b1", CancellationToken.None).Bounded()).Select(p => p.Id));

        var again = await Store.RevokeInviteAsync("b1", "i1", Now.AddMinutes(2), CancellationToken.None).Bounded();
        Assert.Equal(Now.AddMinutes(1), again!.Invite.Revoked);
        Assert.Empty(again.ParticipantIds);
        Assert.Null(await Store.RevokeInviteAsync("b1", "nope", Now, CancellationToken.None).Bounded());
        Assert.Null(await Store.RevokeInviteAsync("b2", "i2", Now, CancellationToken.None).Bounded());
    }

    [Fact]
    public async Task NobodyJoiningWhileTheInviteIsRevokedKeepsALiveSession()
    {
        await CreateBillAsync("b1", Invite("i1", "b1"));
        var joins = Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            Store.AddParticipantAsync(Participant("p" + i, "b1", "i1"), Session("s" + i, "p" + i), null, CancellationToken.None))).ToList();
        await Task.Delay(5);
        await Store.RevokeInviteAsync("b1", "i1", Now, CancellationToken.None).Bounded();
        await Task.WhenAll(joins).Bounded(TimeSpan.FromSeconds(60));

        for (var i = 0; i < 24; i++)
        {
            Assert.Null(await Store.FindSessionParticipantAsync(Session("s" + i, "p" + i).TokenHash, CancellationToken.None).Bounded());
        }
    }

    [Fact]
    public async Task BindsAClientIdToOneParticipantForGood()
    {
        await CreateBillAsync("b1");
        foreach (var p in new[] { "pa", "pb" })
        {
            await Store.AddParticipantAsync(Participant(p, "b1"), Session(p, p), null, CancellationToken.None).Bounded();
        }

        var a = await Store.BindClientIdsAsync("b1", "pa", [1, 2], CancellationToken.None).Bounded();
        var b = await Store.BindClientIdsAsync("b1", "pb", [2, 3], CancellationToken.None).Bounded();
        var again = await Store.BindClientIdsAsync("b1", "pa", [1], CancellationToken.None).Bounded();

        Assert.Equal([1, 2], a.Bound);
        Assert.Equal([3], b.Bound);
        Assert.Equal([2], b.Foreign);
        Assert.Equal([1], again.Bound);
        Assert.Equal([(1L, "pa"), (2L, "pa"), (3L, "pb")],
            (await Versions.ListClientBindingsAsync("b1", CancellationToken.None).Bounded()).Select(c => (c.ClientId, c.ParticipantId)).Order());
    }

    [Fact]
    public async Task GivesAClientIdToExactlyOneOfManyParticipantsRacingForIt()
    {
        await CreateBillAsync("b1");
        const int racers = 8;
        for (var i = 0; i < racers; i++)
        {
            await Store.AddParticipantAsync(Participant("p" + i, "b1"), Session("s" + i, "p" + i), null, CancellationToken.None).Bounded();
        }
        long[] ids = [10, 11, 12, 13, 14];
        var results = await Task.WhenAll(Enumerable.Range(0, racers).Select(i => Task.Run(async () =>
            (Who: "p" + i, Result: await Store.BindClientIdsAsync("b1", "p" + i, i % 2 == 0 ? ids : [.. ids.Reverse()], CancellationToken.None)))))
            .Bounded(TimeSpan.FromSeconds(60));

        foreach (var id in ids)
        {
            var winners = results.Where(r => r.Result.Bound.Contains(id)).Select(r => r.Who).ToList();
            Assert.Single(winners);
            Assert.Equal(racers - 1, results.Count(r => r.Result.Foreign.Contains(id)));
        }
        var bindings = await Versions.ListClientBindingsAsync("b1", CancellationToken.None).Bounded();
        Assert.Equal(ids, bindings.Select(b => b.ClientId).Order());
        foreach (var b in bindings) Assert.Contains(results, r => r.Who == b.ParticipantId && r.Result.Bound.Contains(b.ClientId));
    }

    // ---- audit

    [Fact]
    public async Task ListsTheLastAuditEntriesOldestFirst()
    {
        await CreateBillAsync("b1");
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendAuditAsync(new AuditEntry("b1", Now.AddSeconds(i), "p" + i, "citizen", "a" + i, $"{{\"i\":{i}}}"), CancellationToken.None).Bounded();
        }
        await Store.AppendAuditAsync(Audit("b2", "elsewhere"), CancellationToken.None).Bounded();

        var last = await Store.ListAuditAsync("b1", 3, CancellationToken.None).Bounded();

        Assert.Equal(["a2", "a3", "a4"], last.Select(e => e.Action));
        Assert.Equal(new AuditEntry("b1", Now.AddSeconds(4), "p4", "citizen", "a4", "{\"i\":4}"), last[^1]);
    }

    [Fact]
    public async Task KeepsTheAuditLogAppendOnly()
    {
        await CreateBillAsync("b1");
        await Store.AppendAuditAsync(Audit("b1", "test"), CancellationToken.None).Bounded();

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("DELETE FROM audit;").Bounded());
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("UPDATE audit SET action = 'forged';").Bounded());

        Assert.Equal("test", (await Store.ListAuditAsync("b1", 10, CancellationToken.None).Bounded()).Single().Action);
    }
}
