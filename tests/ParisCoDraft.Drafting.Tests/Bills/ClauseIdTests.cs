using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests.Bills;

public class ClauseIdTests
{
    [Fact]
    public void DrawsWellFormedDistinctIds()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ClauseId.New()).ToList();

        Assert.All(ids, id => Assert.True(ClauseId.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("c12345")]
    [InlineData("x1234567890")]
    [InlineData("c12345678Z0")]
    public void RecognisesMalformedIds(string id) => Assert.False(ClauseId.IsValid(id));
}
