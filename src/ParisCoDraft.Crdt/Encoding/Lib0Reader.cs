using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Text;

namespace ParisCoDraft.Crdt.Encoding;

/// <summary>
/// Reads lib0 binary encodings from a span. Every length read from the input is checked against the bytes
/// that remain before anything is allocated; any violation throws <see cref="UpdateDecodeException"/>.
/// </summary>
public ref struct Lib0Reader
{
    /// <summary>Maximum nesting of arrays/objects accepted by <see cref="ReadAny()"/>.</summary>
    public const int MaxAnyDepth = 128;

    private static readonly UTF8Encoding Utf8 = new(false, false);
    private readonly ReadOnlySpan<byte> _data;
    private int _pos;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    public Lib0Reader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _pos = 0;
    }

    /// <summary>Current position.</summary>
    public readonly int Position => _pos;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>Whether bytes remain.</summary>
    public readonly bool HasContent => _pos < _data.Length;

    private static UpdateDecodeException Eof() => new("Unexpected end of input.");

    /// <summary>Reads one byte.</summary>
    public byte ReadByte()
    {
        if (_pos >= _data.Length) throw Eof();
        return _data[_pos++];
    }

    /// <summary>Reads <paramref name="count"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > _data.Length - _pos) throw Eof();
        var s = _data.Slice(_pos, count);
        _pos += count;
        return s;
    }

    /// <summary>Reads an unsigned varint; values above 2^53-1 are rejected as lib0 does.</summary>
    public ulong ReadVarUint()
    {
        ulong num = 0;
        int shift = 0;
        while (_pos < _data.Length)
        {
            byte r = _data[_pos++];
            num |= (ulong)(r & 0x7F) << shift;
            if (r < 0x80)
            {
                if (num > JsNumber.MaxSafeInteger) throw new UpdateDecodeException("Integer out of range.");
                return num;
            }
            shift += 7;
            if (shift > 53) throw new UpdateDecodeException("Integer out of range.");
        }
        throw Eof();
    }

    /// <summary>Reads an unsigned varint that must fit a non-negative <see cref="int"/>.</summary>
    public int ReadVarUintAsInt()
    {
        ulong v = ReadVarUint();
        if (v > int.MaxValue) throw new UpdateDecodeException("Length out of range.");
        return (int)v;
    }

    /// <summary>Reads an unsigned varint as a length/count of items each needing at least <paramref name="minBytesPerItem"/> bytes.</summary>
    public int ReadCount(int minBytesPerItem = 1)
    {
        int n = ReadVarUintAsInt();
        if (minBytesPerItem > 0 && (long)n * minBytesPerItem > Remaining) throw new UpdateDecodeException("Count exceeds remaining input.");
        return n;
    }

    /// <summary>Reads a signed varint (lib0 format).</summary>
    public long ReadVarInt() => ReadVarIntCore(out _);

    private long ReadVarIntCore(out bool negative)
    {
        byte r = ReadByte();
        ulong num = (ulong)(r & 0x3F);
        negative = (r & 0x40) != 0;
        int shift = 6;
        if ((r & 0x80) != 0)
        {
            while (true)
            {
                if (_pos >= _data.Length) throw Eof();
                r = _data[_pos++];
                num |= (ulong)(r & 0x7F) << shift;
                if (r < 0x80) break;
                shift += 7;
                if (shift > 53) throw new UpdateDecodeException("Integer out of range.");
            }
        }
        if (num > JsNumber.MaxSafeInteger) throw new UpdateDecodeException("Integer out of range.");
        return negative ? -(long)num : (long)num;
    }

    /// <summary>Reads a length-prefixed UTF-8 string (invalid sequences become U+FFFD).</summary>
    public string ReadVarString()
    {
        int len = ReadVarUintAsInt();
        if (len > Remaining) throw Eof();
        var s = Utf8.GetString(_data.Slice(_pos, len));
        _pos += len;
        return s;
    }

    /// <summary>Reads a length-prefixed byte array (as a slice of the input).</summary>
    public ReadOnlySpan<byte> ReadVarUint8Array()
    {
        int len = ReadVarUintAsInt();
        return ReadBytes(len);
    }

    /// <summary>Reads a big-endian float32.</summary>
    public float ReadFloat32() => BinaryPrimitives.ReadSingleBigEndian(ReadBytes(4));

    /// <summary>Reads a big-endian float64.</summary>
    public double ReadFloat64() => BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8));

    /// <summary>Reads a big-endian int64.</summary>
    public long ReadBigInt64() => BinaryPrimitives.ReadInt64BigEndian(ReadBytes(8));

    /// <summary>
    /// Reads a lib0 "any" value: null, <see cref="Lib0Undefined"/>, bool, long (any integral number within
    /// ±2^53), double (other numbers), <see cref="System.Numerics.BigInteger"/> (bigint, tag 122), string,
    /// byte[], Dictionary&lt;string, object?&gt;, List&lt;object?&gt;.
    /// </summary>
    public object? ReadAny() => ReadAny(0);

    private static object IntegralOrDouble(double d)
    {
        if (Math.Floor(d) == d && Math.Abs(d) <= JsNumber.MaxSafeInteger && !(d == 0 && double.IsNegative(d))) return (long)d;
        return d;
    }

    private object? ReadAny(int depth)
    {
        if (depth > MaxAnyDepth) throw new UpdateDecodeException("Value nested too deeply.");
        byte tag = ReadByte();
        switch (tag)
        {
            case 127: return Lib0Undefined.Value;
            case 126: return null;
            case 125:
                {
                    long v = ReadVarIntCore(out bool neg);
                    if (v == 0 && neg) return -0.0;
                    return v;
                }
            case 124: return IntegralOrDouble(ReadFloat32());
            case 123: return IntegralOrDouble(ReadFloat64());
            case 122: return new System.Numerics.BigInteger(ReadBigInt64());
            case 121: return false;
            case 120: return true;
            case 119: return ReadVarString();
            case 118:
                {
                    int n = ReadCount(2);
                    var obj = new Dictionary<string, object?>(n);
                    for (int i = 0; i < n; i++)
                    {
                        string key = ReadVarString();
                        obj[key] = ReadAny(depth + 1);
                    }
                    return obj;
                }
            case 117:
                {
                    int n = ReadCount(1);
                    var list = new List<object?>(n);
                    for (int i = 0; i < n; i++) list.Add(ReadAny(depth + 1));
                    return list;
                }
            case 116: return ReadVarUint8Array().ToArray();
            default: throw new UpdateDecodeException($"Unknown any tag {tag}.");
        }
    }
}
