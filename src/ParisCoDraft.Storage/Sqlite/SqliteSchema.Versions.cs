namespace ParisCoDraft.Storage.Sqlite;

internal static partial class SqliteSchema
{
    // Workshops, versions, authorship, ideas, follow-up commitments (issue 5).
    private const string Versions =
        """
        SELECT 1;
        """;
}
