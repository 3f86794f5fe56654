using ParisCoDraft.Crdt.Protocols;

namespace ParisCoDraft.Crdt.Tests;

public sealed class HostileJsonTests
{
    [Fact]
    public void RefusesAnAwarenessStateWithAnEscapedLoneSurrogateAsBadInput()
    {
        // count 1, client 5, clock 1, varString {"a":"\ud800"}
        var json = System.Text.Encoding.UTF8.GetBytes("{\"a\":\"\\ud800\"}");
        byte[] update = [1, 5, 1, (byte)json.Length, .. json];

        Assert.Throws<UpdateDecodeException>(() => AwarenessUpdate.Decode(update));
    }

    [Fact]
    public void RefusesAnUpdateWhoseFormatValueHasAnEscapedLoneSurrogateAsBadInput()
    {
        var doc = Builders.NewDoc(1);
        byte[]? update = null;
        doc.Updated += (_, e) => update = e.Update;
        doc.GetText("t").Insert(0, "ab");
        doc.GetText("t").Format(0, 1, new Dictionary<string, object?> { ["bold"] = "zzzzzz" });
        // The format value's JSON "zzzzzz" becomes "\ud800": same length, so the update's framing still holds.
        var text = System.Text.Encoding.Latin1.GetString(update!);
        var at = text.IndexOf("\"zzzzzz\"", StringComparison.Ordinal);
        Assert.True(at > 0);
        var hostile = update!.ToArray();
        System.Text.Encoding.Latin1.GetBytes("\"\\ud800\"").CopyTo(hostile, at);

        Assert.Throws<UpdateDecodeException>(() => Y.ReadUpdateInfo(hostile));
        Assert.Throws<UpdateDecodeException>(() => Y.ApplyUpdate(Builders.NewDoc(2), hostile));
    }
}
