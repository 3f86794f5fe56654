namespace ParisCoDraft.Crdt.Tests;

/// <summary>The order in which a text insert creates its format items, pinned against yjs 13.6.33's bytes.</summary>
public sealed class TextAttributeOrderTests
{
    // yjs iterates the attributes of an insert as a JavaScript object: array-index keys ("5") first, then the
    // others in insertion order, also for the keys it adds from the current attributes (set to null):
    //   const d = new Y.Doc(); d.clientID = 7; const t = d.getText('text')
    //   t.insert(0, 'ab', { 5: true }); t.insert(1, 'X', { a: true }); t.insert(3, 'Z')
    //   t.toDelta() -> [{"insert":"a","attributes":{"5":true}},{"insert":"X","attributes":{"a":true}},{"insert":"bZ","attributes":{"5":true}}]
    //   Y.encodeStateAsUpdate(d) -> AQoHAAYBBHRleHQBNQR0cnVlhAcAAWGEBwEBYoYHAgE1BG51bGzGBwEHAgE1BG51bGzGBwQHAgFhBHRydWXEBwUHAgFYxgcGBwIBNQR0cnVlxgcHBwIBYQRudWxsxAcCBwMBWgA=
    [Fact]
    public void InsertsFormatItemsForArrayIndexAttributeKeysFirstAsYjsDoes()
    {
        var doc = Builders.NewDoc(7);
        var text = doc.GetText("text");
        text.Insert(0, "ab", Builders.Attrs(("5", true)));
        text.Insert(1, "X", Builders.Attrs(("a", true)));
        text.Insert(3, "Z");
        Assert.Equal(
            "[{\"insert\":\"a\",\"attributes\":{\"5\":true}},{\"insert\":\"X\",\"attributes\":{\"a\":true}},{\"insert\":\"bZ\",\"attributes\":{\"5\":true}}]",
            Builders.DeltaJson(text.ToDelta()));
        Assert.Equal(
            "AQoHAAYBBHRleHQBNQR0cnVlhAcAAWGEBwEBYoYHAgE1BG51bGzGBwEHAgE1BG51bGzGBwQHAgFhBHRydWXEBwUHAgFYxgcGBwIBNQR0cnVlxgcHBwIBYQRudWxsxAcCBwMBWgA=",
            Convert.ToBase64String(Y.EncodeStateAsUpdate(doc)));
    }

    //   const d2 = new Y.Doc(); d2.clientID = 7; const t2 = d2.getText('text')
    //   t2.insert(0, 'ab', { z: true, 5: true }); t2.format(0, 1, { 7: true }); t2.insert(1, 'Q')
    //   t2.toDelta() -> [{"insert":"aQ","attributes":{"5":true,"7":true,"z":true}},{"insert":"b","attributes":{"5":true,"z":true}}]
    //   Y.encodeStateAsUpdate(d2) -> AQkHAAYBBHRleHQBNQR0cnVlhgcAAXoEdHJ1ZYQHAQFhhAcCAWKGBwMBNQRudWxshgcEAXoEbnVsbEYHAAE3BHRydWXGBwIHAwE3BG51bGzEBwIHBwFRAA==
    [Fact]
    public void InheritsArrayIndexAttributeKeysInJavaScriptObjectOrderAsYjsDoes()
    {
        var doc = Builders.NewDoc(7);
        var text = doc.GetText("text");
        text.Insert(0, "ab", Builders.Attrs(("z", true), ("5", true)));
        text.Format(0, 1, Builders.Attrs(("7", true)));
        text.Insert(1, "Q");
        Assert.Equal(
            "AQkHAAYBBHRleHQBNQR0cnVlhgcAAXoEdHJ1ZYQHAQFhhAcCAWKGBwMBNQRudWxshgcEAXoEbnVsbEYHAAE3BHRydWXGBwIHAwE3BG51bGzEBwIHBwFRAA==",
            Convert.ToBase64String(Y.EncodeStateAsUpdate(doc)));
    }
}
