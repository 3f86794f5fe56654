using ParisCoDraft.Web.Tests.Support;
using static ParisCoDraft.Storage.Tests.Support.Builders;

namespace ParisCoDraft.Storage.Tests;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ListsTheLastAuditLinesOldestFirstAndNoneForALimitOfZeroOrLess()
    {
        await CreateBillAsync("b1");
        await CreateBillAsync("b2");
        var ct = CancellationToken.None;
        foreach (var action in new[] { "one", "two", "three" }) await Store.AppendAuditAsync(Audit("b1", action), ct).Bounded();
        await Store.AppendAuditAsync(Audit("b2", "elsewhere") with { ParticipantId = "pa", Role = "citizen" }, ct).Bounded();

        Assert.Equal(["two", "three"], (await Store.ListAuditAsync("b1", 2, ct).Bounded()).Select(a => a.Action));
        Assert.Empty(await Store.ListAuditAsync("b1", 0, ct).Bounded());
        Assert.Empty(await Store.ListAuditAsync("b1", -1, ct).Bounded());
        var other = Assert.Single(await Store.ListAuditAsync("b2", 10, ct).Bounded());
        Assert.Equal(("pa", "citizen"), (other.ParticipantId, other.Role));
    }
}
