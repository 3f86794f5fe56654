using ParisCoDraft.Crdt;

namespace ParisCoDraft.Crdt.Tests;

/// <summary>
/// Byte fixtures produced by yjs 13.6.33 (node, /work/main/node_modules/yjs). Each fixture keeps the JS that
/// produced it; `hex = u => Buffer.from(u).toString('hex').toUpperCase()`, `mk = (id, gc = true) =>
/// { const d = new Y.Doc({ gc }); d.clientID = id; return d }`.
/// </summary>
public sealed class YjsFixtureTests
{
    // const d = mk(1); const t = d.getText('t')
    // t.insert(0, 'Hello world!'); t.format(0, 5, { bold: true }); t.insert(5, 'X')
    // t.format(3, 6, { italic: true, bold: null }); t.insertEmbed(2, { image: 'a.png' })
    // t.insert(0, 'Z', { color: '#f00' }); t.delete(4, 3)
    // hex(Y.encodeStateAsUpdate(d)), JSON.stringify(t.toDelta())
    private const string FormatUpdate = "011101000401017402486581010101810102028401040320776F84010704726C642146010004626F6C640474727565C10104010501C40104010D0158C601020103066974616C69630474727565C1010F010301C601070108066974616C6963046E756C6CC60101010204626F6C64046E756C6CC501120102117B22696D616765223A22612E706E67227DC1011301020146010C05636F6C6F7206222366303022C40115010C015AC60116010C05636F6C6F72046E756C6C01010402030D0110011401";
    private const string FormatDelta = "[{\"insert\":\"Z\",\"attributes\":{\"color\":\"#f00\"}},{\"insert\":\"He\",\"attributes\":{\"bold\":true}},{\"insert\":{\"image\":\"a.png\"}},{\"insert\":\"X wo\",\"attributes\":{\"italic\":true}},{\"insert\":\"rld!\"}]";

    // const d = mk(2); const t = d.getText('t'); t.insert(0, 'a😀b'); t.insert(2, 'X')
    private const string SurrogateUpdate = "01030200040101740461EFBFBD84020104EFBFBD62C402010202015800";

    // const d = mk(3); const f = d.getXmlFragment('x')
    // const el = new Y.XmlElement('p'); el.setAttribute('class', 'c1')
    // const tx = new Y.XmlText('hi'); el.insert(0, [tx]); f.insert(0, [el, new Y.XmlText('tail')])
    // tx.format(0, 1, { b: {} })
    private const string XmlUpdate = "0109030007010178030170070003000604000301016884030201692800030005636C61737301770263318703000604000305047461696C4603020162027B7DC6030203030162046E756C6C00";
    private const string XmlString = "<p class=\"c1\"><b>h</b>i</p>tail";

    // const d = mk(4); const m = d.getMap('m'); const a = d.getArray('a')
    // m.set('n', 1.5); m.set('big', 2 ** 40); m.set('neg', -7); m.set('f', 1e300); m.set('bin', new Uint8Array([1, 2, 3]))
    // m.set('obj', { z: 1, '2': 'two', a: [true, false, null] })
    // const inner = new Y.Map(); m.set('inner', inner); inner.set('x', 'y')
    // a.insert(0, ['a', 'b', 'c', 'd']); a.delete(1, 2)
    // const arr2 = new Y.Array(); a.push([arr2]); arr2.push([1, 2, 3])
    // m.delete('n'); const t = new Y.Text('to delete'); a.push([t]); a.delete(2, 1)
    private const string NestedUpdate = "010F04002101016D016E012801016D03626967017C538000002801016D036E6567017D472801016D0166017B7E37E43C8800759C2301016D0362696E030102032801016D036F626A0176030132770374776F017A7D010161750378797E2701016D05696E6E6572012800040601780177017908010161017701618104080288040A0177016481040B01000387040C020400041009746F2064656C657465010403000109020C04";

    // const d1 = mk(10, false), d2 = mk(20, false)
    // d1.getText('t').insert(0, 'abc'); Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    // d1.getText('t').insert(1, 'X'); d2.getText('t').insert(1, 'Y'); d2.getText('t').delete(2, 1)
    // Y.applyUpdate(d1, Y.encodeStateAsUpdate(d2)); Y.applyUpdate(d2, Y.encodeStateAsUpdate(d1))
    private const string ConcurrentUpdate = "02011400C40A000A010159040A00040101740161840A000162840A010163C40A000A010158010A010101";

    // const d = mk(5); const t = d.getText('t'); const ups = []; d.on('update', u => ups.push(u))
    // t.insert(0, 'abc'); t.insert(3, 'def'); t.delete(1, 1); d.getMap('m').set('k', 'v')
    // const d2 = mk(6); d2.getText('t').insert(0, 'zz'); ups.push(Y.encodeStateAsUpdate(d2))
    // merged = Y.mergeUpdates(ups); sv = Y.encodeStateVector(d)
    // Y.diffUpdate(merged, sv), Y.encodeStateVectorFromUpdate(merged), Y.mergeUpdates([...ups].reverse())
    private static readonly string[] TransactionUpdates = ["01010500040101740361626300", "010105038405020364656600", "000105010101", "010105062801016D016B0177017600", "0101060004010174027A7A00"];
    private const string Merged = "0201060004010174027A7A0305000401017403616263840502036465662801016D016B017701760105010101";
    private const string DiffAgainstD = "0101060004010174027A7A0105010101";
    private const string StateVectorFromMerged = "0206020507";
    private const string StateVectorOfD = "010507";

    [Fact]
    public void ProducesYjsBytesForFormattedTextWithEmbed()
    {
        var doc = Builders.NewDoc(1);
        var t = doc.GetText("t");
        t.Insert(0, "Hello world!");
        t.Format(0, 5, Builders.Attrs(("bold", true)));
        t.Insert(5, "X");
        t.Format(3, 6, Builders.Attrs(("italic", true), ("bold", null)));
        t.InsertEmbed(2, Builders.Attrs(("image", "a.png")));
        t.Insert(0, "Z", Builders.Attrs(("color", "#f00")));
        t.Delete(4, 3);
        Assert.Equal(FormatUpdate, Builders.Hex(Y.EncodeStateAsUpdate(doc)));
        Assert.Equal(FormatDelta, Builders.DeltaJson(t.ToDelta()));
    }

    [Fact]
    public void LoadsFormattedTextAndReencodesIdentically()
    {
        var doc = Builders.NewDoc(99);
        Y.ApplyUpdate(doc, Convert.FromHexString(FormatUpdate));
        Assert.Equal(FormatUpdate, Builders.Hex(Y.EncodeStateAsUpdate(doc)));
        Assert.Equal(FormatDelta, Builders.DeltaJson(doc.GetText("t").ToDelta()));
    }

    [Fact]
    public void ReplacesSurrogatePairSplitAtItemBoundaryLikeYjs()
    {
        var doc = Builders.NewDoc(2);
        var t = doc.GetText("t");
        t.Insert(0, "a\U0001F600b");
        t.Insert(2, "X");
        Assert.Equal(SurrogateUpdate, Builders.Hex(Y.EncodeStateAsUpdate(doc)));
        Assert.Equal("a\uFFFDX\uFFFDb", t.ToString());
    }

    [Fact]
    public void ProducesYjsBytesForXmlTree()
    {
        var doc = Builders.NewDoc(3);
        var f = doc.GetXmlFragment("x");
        var el = new YXmlElement("p");
        el.SetAttribute("class", "c1");
        var tx = new YXmlText("hi");
        el.Insert(0, [tx]);
        f.Insert(0, [el, new YXmlText("tail")]);
        tx.Format(0, 1, Builders.Attrs(("b", new Dictionary<string, object?>())));
        Assert.Equal(XmlUpdate, Builders.Hex(Y.EncodeStateAsUpdate(doc)));
        Assert.Equal(XmlString, f.ToString());
    }

    [Fact]
    public void LoadsXmlTreeReadsTextAndReencodesIdentically()
    {
        var doc = Builders.NewDoc(77);
        Y.ApplyUpdate(doc, Convert.FromHexString(XmlUpdate));
        Assert.Equal(XmlString, doc.GetXmlFragment("x").ToString());
        Assert.Equal(XmlUpdate, Builders.Hex(Y.EncodeStateAsUpdate(doc)));
    }

    [Fact]
    public void ProducesYjsBytesForNestedTypesAndAnyValues()
    {
        var doc = Builders.NewDoc(4);
        var m = doc.GetMap("m");
        var a = doc.GetArray("a");
        m.Set("n", 1.5);
        m.Set("big", 1L << 40);
        m.Set("neg", -7L);
        m.Set("f", 1e300);
        m.Set("bin", new byte[] { 1, 2, 3 });
        m.Set("obj", new Dictionary<string, object?> { ["z"] = 1L, ["2"] = "two", ["a"] = new List<object?> { true, false, null } });
        var inner = new YMap();
        m.Set("inner", inner);
        inner.Set("x", "y");
        a.Insert(0, ["a", "b", "c", "d"]);
        a.Delete(1, 2);
        var arr2 = new YArray();
        a.Push([arr2]);
        arr2.Push([1L, 2L, 3L]);
        m.Delete("n");
        a.Push([new YText("to delete")]);
        a.Delete(2, 1);
        Assert.Equal(NestedUpdate, Builders.Hex(Y.EncodeStateAsUpdate(doc)));
    }

    [Fact]
    public void LoadsNestedTypesAndReencodesIdentically()
    {
        var doc = Builders.NewDoc(55);
        Y.ApplyUpdate(doc, Convert.FromHexString(NestedUpdate));
        Assert.Equal(NestedUpdate, Builders.Hex(Y.EncodeStateAsUpdate(doc)));
        var m = doc.GetMap("m");
        Assert.Equal(1L << 40, m.Get("big"));
        Assert.Equal(-7L, m.Get("neg"));
        Assert.Equal(1e300, m.Get("f"));
        Assert.Equal(new byte[] { 1, 2, 3 }, m.Get("bin"));
        Assert.Equal("y", ((YMap)m.Get("inner")!).Get("x"));
        Assert.False(m.ContainsKey("n"));
        Assert.Equal(["a", "d", "to delete"], doc.GetArray("a").ToArray().Select(v => v is YText t ? t.ToString() : v).ToArray());
    }

    [Fact]
    public void ConvergesConcurrentInsertsToTheYjsOrderAndBytes()
    {
        var d1 = Builders.NewDoc(10, gc: false);
        var d2 = Builders.NewDoc(20, gc: false);
        d1.GetText("t").Insert(0, "abc");
        Y.ApplyUpdate(d2, Y.EncodeStateAsUpdate(d1));
        d1.GetText("t").Insert(1, "X");
        d2.GetText("t").Insert(1, "Y");
        d2.GetText("t").Delete(2, 1);
        Y.ApplyUpdate(d1, Y.EncodeStateAsUpdate(d2));
        Y.ApplyUpdate(d2, Y.EncodeStateAsUpdate(d1));
        Assert.Equal("aXYc", d1.GetText("t").ToString());
        Assert.Equal(ConcurrentUpdate, Builders.Hex(Y.EncodeStateAsUpdate(d1)));
        Assert.Equal(ConcurrentUpdate, Builders.Hex(Y.EncodeStateAsUpdate(d2)));
    }

    [Fact]
    public void EmitsTheSameTransactionUpdatesAsYjs()
    {
        var d = Builders.NewDoc(5);
        var ups = new List<string>();
        d.Updated += (_, e) => ups.Add(Builders.Hex(e.Update));
        var t = d.GetText("t");
        t.Insert(0, "abc");
        t.Insert(3, "def");
        t.Delete(1, 1);
        d.GetMap("m").Set("k", "v");
        Assert.Equal(TransactionUpdates[..4], ups);
        Assert.Equal(StateVectorOfD, Builders.Hex(Y.EncodeStateVector(d)));
    }

    [Fact]
    public void MergesDiffsAndReadsStateVectorsOfUpdatesLikeYjs()
    {
        var updates = TransactionUpdates.Select(Convert.FromHexString).ToList();
        var merged = Y.MergeUpdates(updates);
        Assert.Equal(Merged, Builders.Hex(merged));
        Assert.Equal(Merged, Builders.Hex(Y.MergeUpdates(Enumerable.Reverse(updates).ToList())));
        Assert.Equal(DiffAgainstD, Builders.Hex(Y.DiffUpdate(merged, Convert.FromHexString(StateVectorOfD))));
        Assert.Equal(StateVectorFromMerged, Builders.Hex(Y.EncodeStateVectorFromUpdate(merged)));
    }
}
