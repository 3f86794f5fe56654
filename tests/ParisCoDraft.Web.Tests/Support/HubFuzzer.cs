using System.Text;
using ParisCoDraft.Crdt;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>
/// Seeded generator of hostile hub messages: random, truncated, bit-flipped, oversized and lying sync
/// messages and awareness updates, valid updates under someone else's client id or from a reader, calls on
/// another bill. The framing is written here (as <see cref="Wire"/> does), never by the server's encoder, so
/// the server's decoder is what gets tested. The same seed gives the same messages.
/// </summary>
public sealed class HubFuzzer
{
    /// <summary>The client id the writer announces at Join.</summary>
    public const long WriterClientId = 7_000_001;

    /// <summary>The client id the reader announces at Join.</summary>
    public const long ReaderClientId = 7_000_002;

    /// <summary>A client id nobody announced.</summary>
    public const long ForeignClientId = 7_000_003;

    /// <summary>Every kind of message, with its weight out of <see cref="TotalWeight"/>.</summary>
    public static readonly (string Kind, int Weight)[] Kinds =
    [
        ("sync-random-bytes", 8),
        ("sync-unknown-type", 4),
        ("sync-trailing-bytes", 4),
        ("sync-length-lies", 6),
        ("step1-garbage", 6),
        ("update-random-bytes", 10),
        ("update-truncated", 16),
        ("update-bytes-flipped", 6),
        ("update-huge-counts", 6),
        ("update-foreign-client", 4),
        ("update-from-reader", 4),
        ("update-too-large", 1),
        ("other-bill", 3),
        ("awareness-random-bytes", 6),
        ("awareness-bad-json", 6),
        ("awareness-huge-count", 3),
        ("awareness-truncated", 4),
        ("awareness-too-large", 1),
        ("awareness-not-an-object", 2),
        ("awareness-foreign-client", 2),
    ];

    private static readonly int TotalWeight = Kinds.Sum(k => k.Weight);

    private readonly Random _random;
    private readonly string _billId;
    private readonly List<byte[]> _writerUpdates;
    private readonly List<byte[]> _foreignUpdates;
    private readonly List<byte[]> _readerUpdates;
    private readonly byte[] _largePayload;
    private int _tooLargeSent;

    /// <summary>A generator for <paramref name="billId"/> seeded with <paramref name="seed"/>.</summary>
    public HubFuzzer(int seed, string billId)
    {
        _random = new Random(seed);
        _billId = billId;
        _writerUpdates = ValidUpdates(WriterClientId, _random);
        // Only updates that bring structs: a deletion needs no ownership, so a delete-only update is valid from any writer.
        _foreignUpdates = [.. ValidUpdates(ForeignClientId, _random).Where(u => Y.ReadUpdateInfo(u).Structs.Count > 0)];
        _readerUpdates = [.. ValidUpdates(ReaderClientId, _random).Where(u => Y.ReadUpdateInfo(u).Structs.Count > 0)];
        _largePayload = new byte[2 * 1024 * 1024 + 64];
        _random.NextBytes(_largePayload);
    }

    /// <summary>The next hostile message.</summary>
    public HubFuzzMessage Next()
    {
        var pick = _random.Next(TotalWeight);
        var kind = Kinds[^1].Kind;
        foreach (var (k, w) in Kinds)
        {
            if (pick < w)
            {
                kind = k;
                break;
            }
            pick -= w;
        }
        // An oversized message costs megabytes on the wire: a few per run show the limit holds.
        if (kind is "update-too-large" && _tooLargeSent++ >= 20) kind = "update-truncated";
        return kind switch
        {
            "sync-random-bytes" => Sync(kind, RandomBytes(0, 96)),
            "sync-unknown-type" => Sync(kind, [.. VarUint((ulong)_random.Next(3, 1 << 20)), .. Framed(RandomBytes(0, 32))]),
            "sync-trailing-bytes" => Sync(kind, [.. VarUint(2), .. Framed(Pick(_writerUpdates)), .. RandomBytes(1, 8)]),
            "sync-length-lies" => Sync(kind, [.. VarUint((ulong)_random.Next(3)), .. VarUint(LyingLength()), .. RandomBytes(0, 32)]),
            "step1-garbage" => Sync(kind, [0, .. Framed(RandomBytes(1, 48))]),
            "update-random-bytes" => Update(kind, RandomBytes(1, 128)),
            "update-truncated" => Update(kind, Truncate(Pick(_writerUpdates))),
            "update-bytes-flipped" => Update(kind, Flip(Pick(_writerUpdates))),
            "update-huge-counts" => Update(kind, HugeCounts()),
            "update-foreign-client" => Update(kind, Pick(_foreignUpdates)),
            "update-from-reader" => new HubFuzzMessage(HubFuzzSender.Reader, "Sync", _billId, [2, .. Framed(Pick(_readerUpdates))], kind),
            "update-too-large" => Update(kind, _largePayload),
            "other-bill" => new HubFuzzMessage(HubFuzzSender.Writer, _random.Next(2) == 0 ? "Sync" : "Awareness",
                OtherBillId(), [2, .. Framed(Pick(_writerUpdates))], kind),
            "awareness-random-bytes" => Awareness(kind, RandomBytes(0, 96)),
            "awareness-bad-json" => Awareness(kind, AwarenessEntry(WriterClientId, BadJson())),
            "awareness-huge-count" => Awareness(kind, [.. VarUint(LyingLength()), .. RandomBytes(0, 16)]),
            "awareness-truncated" => Awareness(kind, Truncate(AwarenessEntry(WriterClientId, "{\"cursor\":{\"anchor\":1,\"head\":2}}"))),
            "awareness-too-large" => Awareness(kind, AwarenessEntry(WriterClientId, "{\"x\":\"" + new string('a', 64 * 1024) + "\"}")),
            "awareness-not-an-object" => Awareness(kind, AwarenessEntry(WriterClientId, _random.Next(2) == 0 ? "5" : "[1,2]")),
            "awareness-foreign-client" => Awareness(kind, AwarenessEntry(ForeignClientId, "{\"cursor\":null}")),
            _ => throw new InvalidOperationException(kind),
        };
    }

    // Edits of every kind the product writes (text, formatting, maps, nested types, deletions), as single updates.
    private static List<byte[]> ValidUpdates(long clientId, Random random)
    {
        var doc = new Doc(new DocOptions { ClientId = clientId });
        var updates = new List<byte[]>();
        doc.Updated += (_, e) => updates.Add(e.Update);
        var text = doc.GetText("fuzz-text");
        var map = doc.GetMap("fuzz-map");
        for (var i = 0; i < 24; i++)
        {
            switch (i % 6)
            {
                case 0: text.Insert(random.Next(text.Length + 1), "Article « " + i + " » é\u202Eàç"); break;
                case 1: map.Set("k" + i, "valeur " + i); break;
                case 2: map.Set("n" + i, new YText("imbriqué " + i)); break;
                case 3: if (text.Length > 2) text.Delete(random.Next(text.Length - 1), 1); break;
                case 4: text.Format(0, Math.Min(3, text.Length), new Dictionary<string, object?> { ["bold"] = true }); break;
                default: map.Set("a" + i, new YArray()); break;
            }
        }
        return updates.Where(u => u.Length > 2).ToList();
    }

    private HubFuzzMessage Sync(string kind, byte[] message) => new(HubFuzzSender.Writer, "Sync", _billId, message, kind);

    private HubFuzzMessage Update(string kind, byte[] payload) => Sync(kind, [2, .. Framed(payload)]);

    private HubFuzzMessage Awareness(string kind, byte[] update) => new(HubFuzzSender.Writer, "Awareness", _billId, update, kind);

    private byte[] RandomBytes(int min, int max)
    {
        var bytes = new byte[_random.Next(min, max + 1)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Pick(List<byte[]> list) => list[_random.Next(list.Count)];

    private byte[] Truncate(byte[] bytes) => bytes[.._random.Next(bytes.Length)];

    private byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        var n = _random.Next(1, 4);
        for (var i = 0; i < n; i++) copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
        return copy;
    }

    // Lengths and counts far beyond what follows: the decoder must check them before allocating.
    private ulong LyingLength() => _random.Next(4) switch
    {
        0 => (ulong)int.MaxValue,
        1 => uint.MaxValue,
        2 => ulong.MaxValue >> 8,
        _ => (ulong)_random.Next(1000, 1 << 30),
    };

    // An update whose struct, content or delete-set counts lie (clients, structs per client, string lengths, ranges).
    private byte[] HugeCounts() => _random.Next(4) switch
    {
        0 => [.. VarUint(LyingLength()), .. RandomBytes(0, 16)],
        1 => [1, .. VarUint(LyingLength()), .. VarUint((ulong)WriterClientId), 0, .. RandomBytes(0, 16)],
        // one struct of ContentString (info 4) whose string length lies
        2 => [1, 1, .. VarUint((ulong)WriterClientId), 0, 4, 1, .. VarUint(10), 0, .. VarUint(LyingLength()), 0x61, 0],
        // a delete set with a huge number of ranges announced
        _ => [0, 1, .. VarUint((ulong)WriterClientId), .. VarUint(LyingLength()), 0, 1],
    };

    private string OtherBillId() => _random.Next(3) switch
    {
        0 => "b" + Convert.ToHexString(RandomBytes(8, 8)).ToLowerInvariant(),
        1 => new string('b', _random.Next(200, 20_000)),
        _ => "../" + _billId + "\u0000<script>",
    };

    private string BadJson() => _random.Next(5) switch
    {
        0 => "{",
        1 => "{\"cursor\":",
        2 => new string('[', _random.Next(100, 5000)),
        3 => "{\"a\":\"\\ud800\"" + new string('}', _random.Next(1, 3)),
        _ => Encoding.Latin1.GetString(RandomBytes(1, 40)),
    };

    private static byte[] AwarenessEntry(long client, string json) =>
        [1, .. VarUint((ulong)client), .. VarUint(1), .. Framed(Encoding.UTF8.GetBytes(json))];

    private static byte[] Framed(byte[] payload) => [.. VarUint((ulong)payload.Length), .. payload];

    private static byte[] VarUint(ulong value)
    {
        var output = new List<byte>(10);
        while (value > 0x7f)
        {
            output.Add((byte)(0x80 | (value & 0x7f)));
            value >>= 7;
        }
        output.Add((byte)value);
        return [.. output];
    }
}
