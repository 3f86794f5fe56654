using ParisCoDraft.Crdt.Protocols;

namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>y-protocols sync and awareness messages written by the JS libraries (Fixtures.Protocols.cs).</summary>
public sealed class FixtureProtocolTests
{
    private static YjsFixture Sync => Fixtures.SyncStep1StepTwoAndUpdate;

    private static YjsFixture Aw => Fixtures.AwarenessStatesAndRemoval;

    [Fact]
    public void ReadsAndWritesSyncStep1LikeYProtocols()
    {
        var msg = SyncProtocol.Read(Sync.Bytes("step1"));
        Assert.Equal(SyncProtocol.MessageYjsSyncStep1, msg.Type);
        FixtureBytes.AssertEqual(Sync.Bytes("clientStateVector"), msg.Payload, "step 1 payload");
        FixtureBytes.AssertEqual(Sync.Bytes("step1"), SyncProtocol.EncodeSyncStep1(Sync.Bytes("clientStateVector")), "EncodeSyncStep1");
    }

    [Fact]
    public void AnswersSyncStep1WithTheStep2YProtocolsSends()
    {
        var server = new Doc(new DocOptions { ClientId = 60 });
        Y.ApplyUpdate(server, Sync.Bytes("server"));
        FixtureBytes.AssertEqual(Sync.Bytes("step2"), SyncProtocol.ReplyToSyncStep1(server, Sync.Bytes("step1")), "reply to step 1");
        var reply = SyncProtocol.Read(Sync.Bytes("step2"));
        Assert.Equal(SyncProtocol.MessageYjsSyncStep2, reply.Type);
    }

    [Fact]
    public void ReadsAndWritesUpdateMessagesLikeYProtocols()
    {
        var msg = SyncProtocol.Read(Sync.Bytes("updateMessage"));
        Assert.Equal(SyncProtocol.MessageYjsUpdate, msg.Type);
        FixtureBytes.AssertEqual(Sync.Bytes("update"), msg.Payload, "update payload");
        FixtureBytes.AssertEqual(Sync.Bytes("updateMessage"), SyncProtocol.EncodeUpdate(Sync.Bytes("update")), "EncodeUpdate");
    }

    [Theory]
    [InlineData("both", "bothEntries")]
    [InlineData("removed", "removedEntries")]
    public void DecodesAndReEncodesAwarenessUpdatesLikeYProtocols(string bytesField, string entriesField)
    {
        var entries = AwarenessUpdate.Decode(Aw.Bytes(bytesField));
        var expected = Aw.Node(entriesField).AsArray();
        Assert.Equal(expected.Count, entries.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i]!["client"]!.GetValue<long>(), entries[i].ClientId);
            Assert.Equal(expected[i]!["clock"]!.GetValue<long>(), entries[i].Clock);
            Assert.Equal(expected[i]!["state"]!.GetValue<string>(), entries[i].Json);
        }
        FixtureBytes.AssertEqual(Aw.Bytes(bytesField), AwarenessUpdate.Encode(entries), $"AwarenessUpdate.Encode({bytesField})");
    }

    [Fact]
    public void AppliesAwarenessUpdatesFromYProtocols()
    {
        var aw = new Awareness(5);
        aw.ApplyUpdate(Aw.Bytes("both"));
        Assert.Equal("""{"user":{"name":"Ali 🚲"}}""", aw.States[9007199254740991]);
        Assert.Contains("Zoé", aw.States[70], StringComparison.Ordinal);
        aw.ApplyUpdate(Aw.Bytes("removed"));
        Assert.False(aw.States.ContainsKey(9007199254740991));
    }
}
