using ParisCoDraft.Crdt.Encoding;

namespace ParisCoDraft.Crdt;

internal sealed class ContentEmbed(object? embed) : Content
{
    public readonly object? Embed = embed;

    public override int Length => 1;

    public override bool Countable => true;

    public override int Ref => 5;

    public override Content Splice(int offset) => throw new InvalidOperationException("Embed content cannot be split.");

    public override void Write(Lib0Writer w, int offset) => w.WriteVarString(JsJson.Stringify(Embed));

    public override void AppendValues(List<object?> into) => into.Add(Embed);

    public override Content Copy() => new ContentEmbed(Embed);
}
