using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests.Bills;

public class OrderKeyTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("V", null)]
    [InlineData(null, "V")]
    [InlineData("1", "2")]
    [InlineData("z", null)]
    [InlineData(null, "01")]
    [InlineData("Vz", "W")]
    [InlineData("zzzz", null)]
    public void PlacesAKeyStrictlyBetweenItsNeighbours(string? before, string? after)
    {
        var key = OrderKey.Between(before, after);

        Assert.True(OrderKey.IsValid(key), $"'{key}' is not a valid key");
        if (before is not null) Assert.True(string.CompareOrdinal(before, key) < 0, $"'{before}' < '{key}'");
        if (after is not null) Assert.True(string.CompareOrdinal(key, after) < 0, $"'{key}' < '{after}'");
    }

    [Fact]
    public void KeepsAListOrderedThroughThousandsOfRandomInsertions()
    {
        const int seed = 20241;
        var random = new Random(seed);
        var keys = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            var at = random.Next(keys.Count + 1);
            var key = OrderKey.Between(at > 0 ? keys[at - 1] : null, at < keys.Count ? keys[at] : null);
            keys.Insert(at, key);
        }

        for (var i = 1; i < keys.Count; i++)
        {
            Assert.True(string.CompareOrdinal(keys[i - 1], keys[i]) < 0, $"seed {seed}: '{keys[i - 1]}' !< '{keys[i]}' at {i}");
        }
        Assert.All(keys, k => Assert.True(OrderKey.IsValid(k)));
    }

    [Fact]
    public void KeepsKeysShortWhenAppending()
    {
        string? last = null;
        for (var i = 0; i < 200; i++) last = OrderKey.Between(last, null);

        Assert.True(last!.Length <= 8, $"200 appends gave a key of length {last.Length}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a0")]
    [InlineData("a-b")]
    public void RejectsMalformedKeys(string bad) =>
        Assert.Throws<ArgumentException>(() => OrderKey.Between(bad, null));

    [Fact]
    public void RejectsNeighboursOutOfOrder() =>
        Assert.Throws<ArgumentException>(() => OrderKey.Between("b", "a"));
}
