namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Tests that talk to the shared yjs peer process.</summary>
[CollectionDefinition(Name)]
public sealed class NodePeerCollection : ICollectionFixture<NodePeer>
{
    public const string Name = "yjs peer";
}
