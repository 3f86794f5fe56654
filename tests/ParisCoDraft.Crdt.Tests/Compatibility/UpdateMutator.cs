namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Mutations of a v1 update: bit flips, truncation, byte insertion/deletion, huge varints,
/// lengths past the end, client/clock jumps in the first struct header, splices of two updates.</summary>
internal static class UpdateMutator
{
    public static byte[] Mutate(byte[] update, byte[] other, Random rng, out string how)
    {
        var b = new List<byte>(update);
        var rounds = 1 + (rng.Next(4) == 0 ? rng.Next(3) : 0);
        var parts = new List<string>();
        for (var r = 0; r < rounds; r++)
        {
            parts.Add(MutateOnce(b, other, rng));
        }
        how = string.Join("+", parts);
        return [.. b];
    }

    private static string MutateOnce(List<byte> b, byte[] other, Random rng)
    {
        if (b.Count == 0)
        {
            b.Add((byte)rng.Next(256));
            return "seed-byte";
        }
        var pos = rng.Next(b.Count);
        switch (rng.Next(10))
        {
            case 0:
            case 1:
                {
                    var flips = 1 + rng.Next(3);
                    for (var i = 0; i < flips; i++)
                    {
                        var p = rng.Next(b.Count);
                        b[p] ^= (byte)(1 << rng.Next(8));
                    }
                    return $"flip{flips}";
                }
            case 2:
                b.RemoveRange(pos, b.Count - pos);
                return $"truncate@{pos}";
            case 3:
                {
                    var n = 1 + rng.Next(4);
                    for (var i = 0; i < n; i++) b.Insert(pos, (byte)rng.Next(256));
                    return $"insert{n}@{pos}";
                }
            case 4:
                {
                    var n = Math.Min(1 + rng.Next(4), b.Count - pos);
                    b.RemoveRange(pos, n);
                    return $"delete{n}@{pos}";
                }
            case 5:
                {
                    // A varint far too long / too large: 10 continuation bytes.
                    var n = 5 + rng.Next(8);
                    var huge = new byte[n];
                    for (var i = 0; i < n - 1; i++) huge[i] = (byte)(0x80 | rng.Next(128));
                    huge[n - 1] = (byte)rng.Next(1, 128);
                    b.InsertRange(pos, huge);
                    return $"hugevarint{n}@{pos}";
                }
            case 6:
                {
                    // A length (or count) well past the end of the buffer.
                    var len = rng.Next(3) switch { 0 => b.Count + 1 + rng.Next(100), 1 => int.MaxValue, _ => 1 << 20 };
                    b.RemoveAt(pos);
                    b.InsertRange(pos, VarUint((ulong)len));
                    return $"length{len}@{pos}";
                }
            case 7:
            case 8:
                {
                    // Client or clock jump in the first struct header: [clients][structs][client][clock].
                    var which = rng.Next(2) == 0 ? 2 : 3;
                    var value = rng.Next(5) switch
                    {
                        0 => 9007199254740991UL, // 2^53-1
                        1 => 9007199254740992UL + (ulong)rng.Next(1000), // past 2^53
                        2 => ulong.MaxValue >> 1,
                        3 => (ulong)rng.Next(1, 1 << 30),
                        _ => (ulong)rng.Next(64),
                    };
                    return ReplaceVarUint(b, which, value) ? $"{(which == 2 ? "client" : "clock")}={value}" : "header-too-short";
                }
            default:
                {
                    // Splice: the head of this update with the tail of another.
                    var cut = rng.Next(other.Length + 1);
                    b.RemoveRange(pos, b.Count - pos);
                    b.AddRange(other.AsSpan(cut).ToArray());
                    return $"splice@{pos}/{cut}";
                }
        }
    }

    private static bool ReplaceVarUint(List<byte> b, int index, ulong value)
    {
        var p = 0;
        for (var i = 0; i < index; i++)
        {
            while (p < b.Count && (b[p] & 0x80) != 0) p++;
            p++;
            if (p >= b.Count) return false;
        }
        var end = p;
        while (end < b.Count && (b[end] & 0x80) != 0) end++;
        if (end >= b.Count) return false;
        b.RemoveRange(p, end - p + 1);
        b.InsertRange(p, VarUint(value));
        return true;
    }

    private static byte[] VarUint(ulong v)
    {
        var o = new List<byte>();
        while (v > 0x7F)
        {
            o.Add((byte)(0x80 | (v & 0x7F)));
            v >>= 7;
        }
        o.Add((byte)v);
        return [.. o];
    }
}
