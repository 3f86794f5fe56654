using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Storage.Tests.Support.Builders;

namespace ParisCoDraft.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task SetsABillsTitleAndKeepsItAcrossARestart()
    {
        await CreateBillAsync("b1");
        await CreateBillAsync("b2");
        var before = (await Store.GetBillAsync("b1", None).Bounded())!;
        var title = "Projet de délibération — « mobilités » 🚲 " + new string('é', 250);

        Assert.True(await Store.SetBillTitleAsync("b1", title, None).Bounded());
        Assert.True(await Store.SetBillTitleAsync("b1", title, None).Bounded()); // the same value again: harmless

        Assert.Equal(before with { Title = title }, await Store.GetBillAsync("b1", None).Bounded());
        Assert.Equal(Bill("b2").Bill.Title, (await Store.GetBillAsync("b2", None).Bounded())!.Title);
        Assert.Equal([0, 0], (await Store.LoadDocumentAsync("b1", None).Bounded())!.Snapshot); // the document is not touched
        await RestartAsync();
        Assert.Equal(title, (await Store.GetBillAsync("b1", None).Bounded())!.Title);
    }

    [Fact]
    public async Task SettingTheTitleOfAnUnknownBillChangesNothingAndSaysSo()
    {
        await CreateBillAsync("b1");
        Assert.False(await Store.SetBillTitleAsync("nobill", "Titre", None).Bounded());
        Assert.Null(await Store.GetBillAsync("nobill", None).Bounded());
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SetBillTitleAsync("b1", "  ", None).Bounded());
        Assert.Equal(Bill("b1").Bill.Title, (await Store.GetBillAsync("b1", None).Bounded())!.Title);
    }
}
