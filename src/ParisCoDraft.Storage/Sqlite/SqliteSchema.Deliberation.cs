namespace ParisCoDraft.Storage.Sqlite;

internal static partial class SqliteSchema
{
    // Deliberation (issue 4): comments, stance markers, amendments, agenda, locks, rounds, approval votes.
    private const string Deliberation =
        """
        SELECT 1;
        """;
}
