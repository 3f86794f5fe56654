namespace ParisCoDraft.Crdt.Encoding;

/// <summary>Constants and helpers matching JavaScript number semantics.</summary>
internal static class JsNumber
{
    public const long MaxSafeInteger = 9007199254740991;
}
