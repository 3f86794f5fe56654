namespace ParisCoDraft.Crdt.Encoding;

/// <summary>The JavaScript <c>undefined</c> value of the lib0 "any" model (tag 127).</summary>
public sealed class Lib0Undefined
{
    private Lib0Undefined() { }

    /// <summary>The single instance.</summary>
    public static Lib0Undefined Value { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "undefined";
}
