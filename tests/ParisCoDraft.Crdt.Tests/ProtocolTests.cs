using ParisCoDraft.Crdt.Protocols;

namespace ParisCoDraft.Crdt.Tests;

public sealed class ProtocolTests
{
    [Fact]
    public void SyncsTwoDocsWithStep1AndStep2()
    {
        var server = Builders.NewDoc(1);
        server.GetText("t").Insert(0, "from server");
        var client = Builders.NewDoc(2);
        client.GetText("t").Insert(0, "from client ");

        var step1 = SyncProtocol.EncodeSyncStep1(Y.EncodeStateVector(client));
        var step2 = SyncProtocol.ReplyToSyncStep1(server, step1);
        Assert.Null(SyncProtocol.Handle(client, step2));
        var back = SyncProtocol.Handle(client, SyncProtocol.EncodeSyncStep1(server));
        Assert.NotNull(back);
        SyncProtocol.Handle(server, back);
        Assert.Equal(server.GetText("t").ToString(), client.GetText("t").ToString());
    }

    [Fact]
    public void EncodesSyncMessagesAsTypeThenPayload()
    {
        // y-protocols: syncProtocol.writeUpdate(encoder, new Uint8Array([5, 6])) -> 02 02 05 06
        Assert.Equal("02020506", Builders.Hex(SyncProtocol.EncodeUpdate([5, 6])));
        var msg = SyncProtocol.Read([1, 2, 5, 6]);
        Assert.Equal(SyncProtocol.MessageYjsSyncStep2, msg.Type);
        Assert.Equal(new byte[] { 5, 6 }, msg.Payload);
    }

    [Fact]
    public void RejectsUnknownOrTruncatedSyncMessages()
    {
        Assert.Throws<UpdateDecodeException>(() => SyncProtocol.Read([3, 0]));
        Assert.Throws<UpdateDecodeException>(() => SyncProtocol.Read([2, 5, 1]));
        Assert.False(SyncProtocol.TryRead([9], out _));
    }

    [Fact]
    public void AppliesAwarenessUpdatesWithClocks()
    {
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var remote = new Awareness(7, clock: () => now);
        remote.SetLocalState("{\"user\":{\"name\":\"Ana\"}}");
        var server = new Awareness(1, withLocalState: false, clock: () => now);
        var changes = new List<AwarenessChange>();
        server.Changed += (_, c) => changes.Add(c);

        server.ApplyUpdate(remote.EncodeUpdate([7]), "ws");
        Assert.Equal([7L], changes[0].Added);
        Assert.Equal("{\"user\":{\"name\":\"Ana\"}}", server.States[7]);
        Assert.Equal(1, server.Meta[7].Clock);

        // an older clock is ignored
        server.ApplyUpdate(AwarenessUpdate.Encode([new AwarenessEntry(7, 0, "{\"x\":1}")]));
        Assert.Equal("{\"user\":{\"name\":\"Ana\"}}", server.States[7]);

        // "null" with the same clock removes
        server.ApplyUpdate(AwarenessUpdate.Encode([new AwarenessEntry(7, 1, "null")]));
        Assert.False(server.States.ContainsKey(7));
        Assert.Equal([7L], changes[^1].Removed);
    }

    [Fact]
    public void RemovesRemoteStatesAfterThirtySecondsAndRenewsTheLocalOne()
    {
        var t0 = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var now = t0;
        var aw = new Awareness(1, clock: () => now);
        aw.ApplyUpdate(AwarenessUpdate.Encode([new AwarenessEntry(2, 1, "{}")]));
        Assert.Empty(aw.CheckTimeouts(t0.AddSeconds(29)));
        Assert.Equal(1, aw.Meta[1].Clock); // renewed at >= 15 s
        now = t0.AddSeconds(29);
        var removed = aw.CheckTimeouts(t0.AddSeconds(30));
        Assert.Equal([2L], removed);
        Assert.False(aw.States.ContainsKey(2));
        Assert.True(aw.States.ContainsKey(1));
    }

    [Fact]
    public void DecodesAndReencodesAwarenessEntries()
    {
        var entries = new[] { new AwarenessEntry(3, 4, "{\"a\":1}"), new AwarenessEntry(9007199254740991, 0, "null") };
        var bytes = AwarenessUpdate.Encode(entries);
        Assert.Equal(entries, AwarenessUpdate.Decode(bytes));
        Assert.True(AwarenessUpdate.Decode(bytes)[1].IsRemoval);
        Assert.Throws<UpdateDecodeException>(() => AwarenessUpdate.Decode([1, 3, 4, 2, (byte)'{', (byte)'x']));
    }
}
