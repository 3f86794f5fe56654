using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Storage.Tests.Support.Builders;

namespace ParisCoDraft.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task NumbersVersionsOneByOneEvenWhenTakenAtOnce()
    {
        await CreateBillAsync("b1");
        await CreateBillAsync("b2");
        var taken = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => Versions.AddVersionAsync(Version("v" + i, "b1"), CancellationToken.None)))).Bounded(TimeSpan.FromSeconds(60));
        var other = await Versions.AddVersionAsync(Version("w", "b2"), CancellationToken.None).Bounded();

        Assert.Equal(Enumerable.Range(1, 12), taken.Select(v => v.Number).Order());
        Assert.Equal(1, other.Number);
        var listed = await Versions.ListVersionsAsync("b1", CancellationToken.None).Bounded();
        Assert.Equal(Enumerable.Range(1, 12), listed.Select(v => v.Number));
        var one = await Versions.GetVersionAsync("b1", "v3", CancellationToken.None).Bounded();
        Assert.Equal(taken.Single(v => v.Id == "v3") with { Snapshot = one!.Snapshot }, one);
        Assert.Equal([1, 2, 3], one.Snapshot);
        Assert.Null(await Versions.GetVersionAsync("b2", "v3", CancellationToken.None).Bounded());
    }

    [Fact]
    public async Task KeepsVersionsAsTakenForever()
    {
        await CreateBillAsync("b1");
        await Versions.AddVersionAsync(Version("v1", "b1", "Fin de l'atelier"), CancellationToken.None).Bounded();

        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("UPDATE versions SET label = 'changed';").Bounded());
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("DELETE FROM versions;").Bounded());

        Assert.Equal("Fin de l'atelier", (await Versions.ListVersionsAsync("b1", CancellationToken.None).Bounded()).Single().Label);
    }

    [Fact]
    public async Task OpensOneWorkshopAtATimeAndTakesAVersionAtEachMove()
    {
        await CreateBillAsync("b1");
        StoredWorkshop Workshop(string id, string date) => new(id, "b1", "Atelier " + id, date, "Mairie", "in-person", "planned", Now, null, null);
        await Versions.CreateWorkshopAsync(Workshop("w2", "2026-03-02"), CancellationToken.None).Bounded();
        await Versions.CreateWorkshopAsync(Workshop("w1", "2026-03-01"), CancellationToken.None).Bounded();

        var opened = await Versions.MoveWorkshopAsync("b1", "w1", "planned", "open", Now.AddHours(1), Version("o1", "b1", kind: "workshop-open"), CancellationToken.None).Bounded();
        var second = await Versions.MoveWorkshopAsync("b1", "w2", "planned", "open", Now.AddHours(1), Version("o2", "b1", kind: "workshop-open"), CancellationToken.None).Bounded();
        var wrongState = await Versions.MoveWorkshopAsync("b1", "w1", "planned", "closed", Now, Version("x", "b1"), CancellationToken.None).Bounded();
        var closed = await Versions.MoveWorkshopAsync("b1", "w1", "open", "closed", Now.AddHours(3), Version("c1", "b1", kind: "workshop-close"), CancellationToken.None).Bounded();

        Assert.Equal(1, opened!.Number);
        Assert.Equal("w1", opened.WorkshopId);
        Assert.Null(second);
        Assert.Null(wrongState);
        Assert.Equal(2, closed!.Number);
        var workshops = await Versions.ListWorkshopsAsync("b1", CancellationToken.None).Bounded();
        Assert.Equal(["w1", "w2"], workshops.Select(w => w.Id));
        Assert.Equal(("closed", Now.AddHours(1), Now.AddHours(3)), (workshops[0].State, workshops[0].Opened, workshops[0].Closed));
        Assert.Equal(["o1", "c1"], (await Versions.ListVersionsAsync("b1", CancellationToken.None).Bounded()).Select(v => v.Id));
    }

    [Fact]
    public async Task OpensOnlyOneOfTwoWorkshopsOpenedAtOnce()
    {
        await CreateBillAsync("b1");
        for (var i = 0; i < 6; i++)
        {
            await Versions.CreateWorkshopAsync(new StoredWorkshop("w" + i, "b1", "A", "2026-03-01", "P", "online", "planned", Now, null, null), CancellationToken.None).Bounded();
        }
        var moves = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            Versions.MoveWorkshopAsync("b1", "w" + i, "planned", "open", Now, Version("o" + i, "b1"), CancellationToken.None)))).Bounded(TimeSpan.FromSeconds(60));
        Assert.Single(moves, m => m is not null);
        Assert.Single(await Versions.ListWorkshopsAsync("b1", CancellationToken.None).Bounded(), w => w.State == "open");
    }

    [Fact]
    public async Task RecordsWhoDeletedWhatInOrder()
    {
        await CreateBillAsync("b1");
        await Versions.RecordDeletionsAsync([new("b1", 5, 100, 0, 3, "pa"), new("b1", 2, 101, 4, 1, "pb")], CancellationToken.None).Bounded();
        await Versions.RecordDeletionsAsync([], CancellationToken.None).Bounded();
        Assert.Equal([new StoredDeletion("b1", 2, 101, 4, 1, "pb"), new StoredDeletion("b1", 5, 100, 0, 3, "pa")],
            await Versions.ListDeletionsAsync("b1", CancellationToken.None).Bounded());
    }

    [Fact]
    public async Task ImportingIdeasAgainKeepsTheirDispositions()
    {
        await CreateBillAsync("b1");
        await Versions.ImportIdeasAsync("b1", [new("b1", 1, "Vélo", "Plus de pistes", "g1", null, null, null), new("b1", 2, "Bancs", "Des bancs", null, null, null, null)], CancellationToken.None).Bounded();
        Assert.True(await Versions.SetIdeaDispositionAsync("b1", 1, "{\"kind\":\"kept\"}", Now, "pa", CancellationToken.None).Bounded());
        Assert.False(await Versions.SetIdeaDispositionAsync("b1", 9, "{}", Now, "pa", CancellationToken.None).Bounded());

        await Versions.ImportIdeasAsync("b1", [new("b1", 1, "Vélos", "Plus de pistes cyclables", "g2", null, null, null)], CancellationToken.None).Bounded();

        var ideas = await Versions.ListIdeasAsync("b1", CancellationToken.None).Bounded();
        Assert.Equal(new StoredIdea("b1", 1, "Vélos", "Plus de pistes cyclables", "g2", "{\"kind\":\"kept\"}", Now, "pa"), ideas[0]);
        Assert.Equal(2, ideas[1].Number);
        Assert.Null(ideas[1].DispositionJson);
    }

    [Fact]
    public async Task SavesReplacesAndDeletesCommitmentsAndRemembersTheAdoptionDay()
    {
        await CreateBillAsync("b1");
        var c = new StoredCommitment("c1", "b1", "k1", "DVD", "Pistes", "2027-06-01", "planned", Now, "pa");
        await Versions.SaveCommitmentAsync(c, CancellationToken.None).Bounded();
        await Versions.SaveCommitmentAsync(c with { Id = "c0", DueDate = "2027-01-01" }, CancellationToken.None).Bounded();
        await Versions.SaveCommitmentAsync(c with { Status = "done" }, CancellationToken.None).Bounded();

        Assert.Equal(["c0", "c1"], (await Versions.ListCommitmentsAsync("b1", CancellationToken.None).Bounded()).Select(x => x.Id));
        Assert.Equal("done", (await Versions.ListCommitmentsAsync("b1", CancellationToken.None).Bounded())[1].Status);
        Assert.True(await Versions.DeleteCommitmentAsync("b1", "c0", CancellationToken.None).Bounded());
        Assert.False(await Versions.DeleteCommitmentAsync("b1", "c0", CancellationToken.None).Bounded());

        Assert.Null(await Versions.GetAdoptionDateAsync("b1", CancellationToken.None).Bounded());
        await Versions.SetAdoptionDateAsync("b1", "2026-12-01", CancellationToken.None).Bounded();
        await Versions.SetAdoptionDateAsync("b1", "2026-12-02", CancellationToken.None).Bounded();
        Assert.Equal("2026-12-02", await Versions.GetAdoptionDateAsync("b1", CancellationToken.None).Bounded());
        await Versions.SetAdoptionDateAsync("b1", null, CancellationToken.None).Bounded();
        Assert.Null(await Versions.GetAdoptionDateAsync("b1", CancellationToken.None).Bounded());
    }
}
