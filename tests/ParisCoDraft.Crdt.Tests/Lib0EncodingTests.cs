using System.Numerics;
using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt.Tests;

public sealed class Lib0EncodingTests
{
    private static byte[] Any(object? v)
    {
        using var w = new Lib0Writer();
        w.WriteAny(v);
        return w.ToArray();
    }

    private static object? ReadAny(byte[] bytes)
    {
        var r = new Lib0Reader(bytes);
        return r.ReadAny();
    }

    [Fact]
    public void WritesVarUintsLikeLib0()
    {
        using var w = new Lib0Writer();
        w.WriteVarUint(0);
        w.WriteVarUint(127);
        w.WriteVarUint(128);
        w.WriteVarUint(9007199254740991);
        Assert.Equal("007F8001FFFFFFFFFFFFFF0F", Convert.ToHexString(w.ToArray()));
    }

    [Fact]
    public void WritesNumbersAsIntFloat32OrFloat64LikeLib0WriteAny()
    {
        // lib0: encoding.writeAny(e, 5) -> 7D05, -64 -> 7DC001, 2**31 -> 7C4F000000, 1.5 -> 7C3FC00000, 0.1 -> 7B3FB999999999999A
        Assert.Equal("7D05", Convert.ToHexString(Any(5L)));
        Assert.Equal("7DC001", Convert.ToHexString(Any(-64L)));
        Assert.Equal("7C4F000000", Convert.ToHexString(Any(1L << 31)));
        Assert.Equal("7C3FC00000", Convert.ToHexString(Any(1.5)));
        Assert.Equal("7B3FB999999999999A", Convert.ToHexString(Any(0.1)));
        Assert.Equal("7D40", Convert.ToHexString(Any(-0.0)));
    }

    [Fact]
    public void RoundTripsEveryAnyKind()
    {
        var value = new Dictionary<string, object?>
        {
            ["s"] = "chaîne 😀",
            ["t"] = true,
            ["f"] = false,
            ["n"] = null,
            ["i"] = -123456L,
            ["d"] = 2.75,
            ["big"] = new BigInteger(-42),
            ["bin"] = new byte[] { 1, 2 },
            ["arr"] = new List<object?> { 1L, "x", new List<object?>() },
            ["u"] = Lib0Undefined.Value,
        };
        var back = (Dictionary<string, object?>)ReadAny(Any(value))!;
        Assert.Equal("chaîne 😀", back["s"]);
        Assert.Equal(true, back["t"]);
        Assert.Equal(false, back["f"]);
        Assert.Null(back["n"]);
        Assert.Equal(-123456L, back["i"]);
        Assert.Equal(2.75, back["d"]);
        Assert.Equal(new BigInteger(-42), back["big"]);
        Assert.Equal(new byte[] { 1, 2 }, back["bin"]);
        Assert.Equal(3, ((List<object?>)back["arr"]!).Count);
        Assert.Same(Lib0Undefined.Value, back["u"]);
        Assert.Equal(Any(value), Any(back));
    }

    [Fact]
    public void WritesObjectKeysInJavaScriptOrder()
    {
        // JS: Object.keys({ z: 1, '2': 0, a: 1, '10': 0 }) -> ['2', '10', 'z', 'a']
        var d = new Dictionary<string, object?> { ["z"] = 1L, ["2"] = 0L, ["a"] = 1L, ["10"] = 0L };
        Assert.Equal("{\"2\":0,\"10\":0,\"z\":1,\"a\":1}", JsJson.Stringify(d));
    }

    [Fact]
    public void RejectsLengthsBeyondTheRemainingInput()
    {
        // string of declared length 100 with 1 byte present
        var bytes = new byte[] { 119, 100, 65 };
        Assert.Throws<UpdateDecodeException>(() => ReadAny(bytes));
        // array claiming 2^30 elements
        Assert.Throws<UpdateDecodeException>(() => ReadAny([117, 0x80, 0x80, 0x80, 0x80, 0x04]));
    }

    [Fact]
    public void RejectsIntegersBeyondTwoToThe53()
    {
        Assert.Throws<UpdateDecodeException>(() =>
        {
            var r = new Lib0Reader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]);
            r.ReadVarUint();
        });
    }

    [Fact]
    public void RejectsDeeplyNestedValues()
    {
        var bytes = Enumerable.Repeat((byte)117, 1000).SelectMany(b => new byte[] { b, 1 }).Append((byte)126).ToArray();
        Assert.Throws<UpdateDecodeException>(() => ReadAny(bytes));
    }
}
