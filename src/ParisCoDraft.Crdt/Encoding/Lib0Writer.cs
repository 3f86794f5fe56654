using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ParisCoDraft.Crdt.Encoding;

/// <summary>
/// Growable byte buffer writing the lib0 binary encodings (varUint, varInt, varString, any, ...)
/// exactly as lib0 0.2.x does. The backing array is rented from <see cref="ArrayPool{T}"/>;
/// call <see cref="Dispose"/> to return it.
/// </summary>
public sealed class Lib0Writer : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false, false);
    private byte[] _buffer;
    private int _length;

    /// <summary>Creates a writer with an initial capacity.</summary>
    public Lib0Writer(int initialCapacity = 256)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialCapacity));
    }

    /// <summary>Number of bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far (valid until the next write).</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    private void Ensure(int extra)
    {
        int needed = _length + extra;
        if (needed <= _buffer.Length) return;
        int size = Math.Max(needed, _buffer.Length * 2);
        byte[] next = ArrayPool<byte>.Shared.Rent(size);
        Buffer.BlockCopy(_buffer, 0, next, 0, _length);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte b)
    {
        if (_length == _buffer.Length) Ensure(1);
        _buffer[_length++] = b;
    }

    /// <summary>Writes raw bytes (no length prefix).</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Writes an unsigned variable length integer (7 bits per byte, little endian groups).</summary>
    public void WriteVarUint(ulong value)
    {
        Ensure(10);
        byte[] buf = _buffer;
        int pos = _length;
        while (value > 0x7F)
        {
            buf[pos++] = (byte)(0x80 | (value & 0x7F));
            value >>= 7;
        }
        buf[pos++] = (byte)value;
        _length = pos;
    }

    /// <summary>Writes a signed variable length integer in lib0's format (sign in bit 7 of the first byte).</summary>
    public void WriteVarInt(long value) => WriteVarIntCore(value < 0, value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value);

    internal void WriteVarIntCore(bool negative, ulong abs)
    {
        Ensure(11);
        WriteByte((byte)((abs > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (int)(abs & 0x3F)));
        abs >>= 6;
        while (abs > 0)
        {
            WriteByte((byte)((abs > 0x7F ? 0x80 : 0) | (int)(abs & 0x7F)));
            abs >>= 7;
        }
    }

    /// <summary>Writes a UTF-8 string prefixed by its byte length. Lone surrogates become U+FFFD as with TextEncoder.</summary>
    public void WriteVarString(string value) => WriteVarString(value.AsSpan());

    /// <summary>Writes a UTF-8 string prefixed by its byte length.</summary>
    public void WriteVarString(ReadOnlySpan<char> value)
    {
        int max = Utf8.GetMaxByteCount(value.Length);
        if (max < 128)
        {
            Ensure(max + 1);
            int n = Utf8.GetBytes(value, _buffer.AsSpan(_length + 1));
            _buffer[_length] = (byte)n;
            _length += n + 1;
            return;
        }
        int count = Utf8.GetByteCount(value);
        WriteVarUint((ulong)count);
        Ensure(count);
        Utf8.GetBytes(value, _buffer.AsSpan(_length));
        _length += count;
    }

    /// <summary>Writes a byte array prefixed by its length.</summary>
    public void WriteVarUint8Array(ReadOnlySpan<byte> bytes)
    {
        WriteVarUint((ulong)bytes.Length);
        WriteBytes(bytes);
    }

    /// <summary>Writes a big-endian IEEE 754 single.</summary>
    public void WriteFloat32(float value)
    {
        Ensure(4);
        BinaryPrimitives.WriteSingleBigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Writes a big-endian IEEE 754 double.</summary>
    public void WriteFloat64(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>Writes a big-endian signed 64 bit integer.</summary>
    public void WriteBigInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    /// <summary>
    /// Writes a value of the lib0 "any" model: null, <see cref="Lib0Undefined"/>, bool, integral numbers,
    /// float/double, string, byte[], IDictionary&lt;string, object?&gt;, IList / IEnumerable of values.
    /// Numbers follow lib0: an integer with |n| &lt;= 2^31-1 is written as varInt (125), a number exactly
    /// representable as float32 as 124, otherwise float64 (123); a long beyond ±2^53 and a BigInteger are written as bigint (122).
    /// Object keys are written in JavaScript property order (array-index keys ascending first).
    /// </summary>
    public void WriteAny(object? value)
    {
        switch (value)
        {
            case null:
                WriteByte(126);
                break;
            case Lib0Undefined:
                WriteByte(127);
                break;
            case string s:
                WriteByte(119);
                WriteVarString(s);
                break;
            case bool b:
                WriteByte(b ? (byte)120 : (byte)121);
                break;
            case int i:
                WriteNumber(i);
                break;
            case long l:
                if (l > JsNumber.MaxSafeInteger || l < -JsNumber.MaxSafeInteger)
                {
                    WriteByte(122);
                    WriteBigInt64(l);
                }
                else WriteNumber(l);
                break;
            case double d:
                WriteNumber(d);
                break;
            case float f:
                WriteNumber(f);
                break;
            case short or ushort or byte or sbyte or uint:
                WriteNumber(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ulong ul:
                if (ul > JsNumber.MaxSafeInteger)
                {
                    WriteByte(122);
                    WriteBigInt64(unchecked((long)ul));
                }
                else WriteNumber(ul);
                break;
            case System.Numerics.BigInteger bi:
                WriteByte(122);
                WriteBigInt64(unchecked((long)(ulong)(bi & ulong.MaxValue)));
                break;
            case decimal m:
                WriteNumber((double)m);
                break;
            case byte[] bytes:
                WriteByte(116);
                WriteVarUint8Array(bytes);
                break;
            case ReadOnlyMemory<byte> mem:
                WriteByte(116);
                WriteVarUint8Array(mem.Span);
                break;
            case IDictionary<string, object?> dict:
                WriteByte(118);
                WriteVarUint((ulong)dict.Count);
                foreach (var key in JsObjectOrder.Keys(dict))
                {
                    WriteVarString(key);
                    WriteAny(dict[key]);
                }
                break;
            case IList<object?> list:
                WriteByte(117);
                WriteVarUint((ulong)list.Count);
                for (int k = 0; k < list.Count; k++) WriteAny(list[k]);
                break;
            case System.Collections.IEnumerable seq:
                {
                    var items = new List<object?>();
                    foreach (var o in seq) items.Add(o);
                    WriteAny(items);
                    break;
                }
            default:
                WriteByte(127);
                break;
        }
    }

    private void WriteNumber(double d)
    {
        if (Math.Abs(d) <= int.MaxValue && Math.Floor(d) == d)
        {
            WriteByte(125);
            bool neg = d < 0 || (d == 0 && double.IsNegative(d));
            WriteVarIntCore(neg, (ulong)Math.Abs(d));
        }
        else if (double.IsNaN(d) || (double)(float)d == d)
        {
            WriteByte(124);
            WriteFloat32((float)d);
        }
        else
        {
            WriteByte(123);
            WriteFloat64(d);
        }
    }

    /// <summary>Copies the written bytes to a new array.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Forgets the written bytes, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        byte[] b = _buffer;
        _buffer = [];
        _length = 0;
        if (b.Length > 0) ArrayPool<byte>.Shared.Return(b);
    }
}
