using System.Text;

namespace ParisCoDraft.Web.Tests.Support;

/// <summary>
/// y-protocols framing written here independently of the server's code, so a mismatch between the two
/// shows up: sync = varUint type + varUint8Array payload; awareness = varUint count, then per entry
/// varUint client, varUint clock, varString JSON.
/// </summary>
public static class Wire
{
    /// <summary>Sync message types.</summary>
    public const int Step1 = 0, Step2 = 1, Update = 2;

    /// <summary>A sync message.</summary>
    public static byte[] Sync(int type, ReadOnlySpan<byte> payload)
    {
        var output = new List<byte>(payload.Length + 8);
        WriteVarUint(output, (ulong)type);
        WriteVarUint(output, (ulong)payload.Length);
        output.AddRange(payload.ToArray());
        return [.. output];
    }

    /// <summary>Reads a sync message.</summary>
    public static (int Type, byte[] Payload) ReadSync(byte[] message)
    {
        var pos = 0;
        var type = (int)ReadVarUint(message, ref pos);
        var length = (int)ReadVarUint(message, ref pos);
        return (type, message.AsSpan(pos, length).ToArray());
    }

    /// <summary>An awareness update.</summary>
    public static byte[] Awareness(params (long Client, long Clock, string Json)[] entries)
    {
        var output = new List<byte>();
        WriteVarUint(output, (ulong)entries.Length);
        foreach (var (client, clock, json) in entries)
        {
            WriteVarUint(output, (ulong)client);
            WriteVarUint(output, (ulong)clock);
            var bytes = Encoding.UTF8.GetBytes(json);
            WriteVarUint(output, (ulong)bytes.Length);
            output.AddRange(bytes);
        }
        return [.. output];
    }

    /// <summary>Reads an awareness update.</summary>
    public static List<(long Client, long Clock, string Json)> ReadAwareness(byte[] update)
    {
        var pos = 0;
        var count = (int)ReadVarUint(update, ref pos);
        var list = new List<(long, long, string)>();
        for (var i = 0; i < count; i++)
        {
            var client = (long)ReadVarUint(update, ref pos);
            var clock = (long)ReadVarUint(update, ref pos);
            var length = (int)ReadVarUint(update, ref pos);
            list.Add((client, clock, Encoding.UTF8.GetString(update, pos, length)));
            pos += length;
        }
        return list;
    }

    private static void WriteVarUint(List<byte> output, ulong value)
    {
        while (value > 0x7f)
        {
            output.Add((byte)(0x80 | (value & 0x7f)));
            value >>= 7;
        }
        output.Add((byte)value);
    }

    private static ulong ReadVarUint(byte[] data, ref int pos)
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = data[pos++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
            shift += 7;
        }
    }
}
