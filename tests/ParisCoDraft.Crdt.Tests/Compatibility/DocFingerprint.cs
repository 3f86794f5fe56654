namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Everything observable about a doc: state vector, full encoded state (pending included) and content.</summary>
internal sealed record DocFingerprint(string StateVector, string FullState, string Content)
{
    public static DocFingerprint Of(Doc doc, IEnumerable<(string Name, string Kind)> roots)
        => new(
            Convert.ToBase64String(Y.EncodeStateVector(doc)),
            Convert.ToBase64String(Y.EncodeStateAsUpdate(doc)),
            CompatJson.Canonical(CompatContent.Of(doc, roots)));
}
