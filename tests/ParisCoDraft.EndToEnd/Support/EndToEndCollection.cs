namespace ParisCoDraft.EndToEnd.Support;

/// <summary>The tests share one server and one browser, and run one after the other (two cores).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "end-to-end";
}
