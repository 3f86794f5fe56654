namespace ParisCoDraft.Storage.Tests.Support;

/// <summary>The test classes sharing one PostgreSQL server (each class gets its own databases).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "postgres";
}
