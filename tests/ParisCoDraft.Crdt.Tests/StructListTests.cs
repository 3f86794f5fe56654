namespace ParisCoDraft.Crdt.Tests;

/// <summary>
/// The chunked per-client struct list behaves exactly like a flat sorted array: random splits (insert after
/// a shortened struct), merges (remove runs after a lengthened struct) and appends, checked against a
/// List model element by element and with FindIndex for every clock.
/// </summary>
public sealed class StructListTests
{
    [Theory]
    [InlineData(1, 3000)]
    [InlineData(2, 3000)]
    [InlineData(3, 20000)]
    public void RandomSplitsMergesAndAppendsMatchAFlatList(int seed, int steps)
    {
        var rng = new Random(seed);
        var list = new StructList();
        var model = new List<AbstractStruct>();
        long next = 0;
        void Append(int len)
        {
            var s = new GcStruct(1, next, len);
            next += len;
            list.Add(s);
            model.Add(s);
        }
        for (int i = 0; i < 50; i++) Append(rng.Next(1, 8));

        for (int step = 0; step < steps; step++)
        {
            int op = rng.Next(10);
            if (op < 4)
            {
                // split: shorten struct i, insert the rest after it
                int i = rng.Next(model.Count);
                var s = model[i];
                if (s.Len < 2) continue;
                int cut = rng.Next(1, s.Len);
                var right = new GcStruct(1, s.Clock + cut, s.Len - cut);
                s.Len = cut;
                list.Insert(i + 1, right);
                model.Insert(i + 1, right);
            }
            else if (op < 7)
            {
                // merge: struct i absorbs the n structs after it
                int i = rng.Next(model.Count);
                int n = Math.Min(model.Count - 1 - i, rng.Next(1, op == 6 ? 1200 : 4));
                if (n <= 0) continue;
                for (int k = 1; k <= n; k++) model[i].Len += model[i + k].Len;
                list.RemoveRange(i + 1, n);
                model.RemoveRange(i + 1, n);
            }
            else
            {
                Append(rng.Next(1, 8));
            }

            if (step % 97 == 0 || step == steps - 1)
            {
                Assert.Equal(model.Count, list.Count);
                for (int i = 0; i < model.Count; i++) Assert.Same(model[i], list[i]);
                Assert.Same(model[^1], list.Last);
                for (int probe = 0; probe < 200; probe++)
                {
                    long clock = rng.NextInt64(-2, next + 3);
                    int expected = model.FindIndex(s => s.Clock <= clock && clock < s.Clock + s.Len);
                    Assert.Equal(expected, list.FindIndex(clock));
                }
            }
        }
    }

    [Fact]
    public void RemovingEverythingButTheFirstLeavesAUsableList()
    {
        var list = new StructList();
        for (int i = 0; i < 3 * StructList.ChunkSize; i++) list.Add(new GcStruct(1, i, 1));
        var first = list[0];
        first.Len = list.Count;
        list.RemoveRange(1, list.Count - 1);
        Assert.Equal(1, list.Count);
        Assert.Equal(0, list.FindIndex(3 * StructList.ChunkSize - 1));
        list.Add(new GcStruct(1, 3 * StructList.ChunkSize, 2));
        Assert.Equal(1, list.FindIndex(3 * StructList.ChunkSize + 1));
        Assert.Equal(-1, list.FindIndex(3 * StructList.ChunkSize + 2));
    }
}
