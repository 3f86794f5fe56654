using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt.Protocols;

/// <summary>The y-protocols sync messages: varUint type followed by a varUint8Array payload.</summary>
public static class SyncProtocol
{
    /// <summary>Step 1: "here is my state vector".</summary>
    public const int MessageYjsSyncStep1 = 0;

    /// <summary>Step 2: "here is what you are missing".</summary>
    public const int MessageYjsSyncStep2 = 1;

    /// <summary>An incremental update.</summary>
    public const int MessageYjsUpdate = 2;

    private static byte[] Encode(int type, ReadOnlySpan<byte> payload)
    {
        using var w = new Lib0Writer(payload.Length + 8);
        w.WriteVarUint((ulong)type);
        w.WriteVarUint8Array(payload);
        return w.ToArray();
    }

    /// <summary>Encodes a step 1 message.</summary>
    public static byte[] EncodeSyncStep1(ReadOnlySpan<byte> stateVector) => Encode(MessageYjsSyncStep1, stateVector);

    /// <summary>Encodes a step 1 message with the document's state vector.</summary>
    public static byte[] EncodeSyncStep1(Doc doc) => EncodeSyncStep1(Y.EncodeStateVector(doc));

    /// <summary>Encodes a step 2 message.</summary>
    public static byte[] EncodeSyncStep2(ReadOnlySpan<byte> update) => Encode(MessageYjsSyncStep2, update);

    /// <summary>Encodes an update message.</summary>
    public static byte[] EncodeUpdate(ReadOnlySpan<byte> update) => Encode(MessageYjsUpdate, update);

    /// <summary>Decodes a sync message. Unknown type, truncation or trailing bytes throw <see cref="UpdateDecodeException"/>.</summary>
    public static SyncMessage Read(ReadOnlySpan<byte> message)
    {
        var r = new Lib0Reader(message);
        ulong type = r.ReadVarUint();
        if (type > MessageYjsUpdate) throw new UpdateDecodeException($"Unknown sync message type {type}.");
        var payload = r.ReadVarUint8Array().ToArray();
        if (r.HasContent) throw new UpdateDecodeException("Trailing bytes after sync message.");
        return new SyncMessage((int)type, payload);
    }

    /// <summary>Non-throwing variant of <see cref="Read"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> message, out SyncMessage result)
    {
        try
        {
            result = Read(message);
            return true;
        }
        catch (UpdateDecodeException)
        {
            result = default;
            return false;
        }
    }

    /// <summary>Given a step 1 (whole message), returns the step 2 reply message for <paramref name="doc"/>.</summary>
    public static byte[] ReplyToSyncStep1(Doc doc, ReadOnlySpan<byte> step1Message)
    {
        var msg = Read(step1Message);
        if (msg.Type != MessageYjsSyncStep1) throw new UpdateDecodeException("Not a sync step 1 message.");
        return EncodeSyncStep2(Y.EncodeStateAsUpdate(doc, msg.Payload));
    }

    /// <summary>
    /// Handles one sync message as y-protocols readSyncMessage does: step 1 returns the step 2 reply,
    /// step 2 and update are applied to <paramref name="doc"/> (returns null).
    /// </summary>
    public static byte[]? Handle(Doc doc, ReadOnlySpan<byte> message, object? origin = null)
    {
        var msg = Read(message);
        switch (msg.Type)
        {
            case MessageYjsSyncStep1:
                return EncodeSyncStep2(Y.EncodeStateAsUpdate(doc, msg.Payload));
            default:
                Y.ApplyUpdate(doc, msg.Payload, origin);
                return null;
        }
    }
}
