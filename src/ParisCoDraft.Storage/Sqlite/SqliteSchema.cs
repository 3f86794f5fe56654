using Microsoft.Data.Sqlite;

namespace ParisCoDraft.Storage.Sqlite;

/// <summary>
/// The schema as a list of migrations; <c>PRAGMA user_version</c> records how many have been applied.
/// Append new steps, never edit a shipped one.
/// </summary>
internal static partial class SqliteSchema
{
    // One step per concern, each in its own file (SqliteSchema.Concern.cs), in this fixed order.
    private static readonly string[] Migrations =
    [
        Core,
        Deliberation,
        Versions,
        DeliberationRevision,
        HybridRoom,
    ];

    private const string Core =
        """
        CREATE TABLE bills (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created INTEGER NOT NULL
        );
        CREATE TABLE documents (
            bill_id TEXT PRIMARY KEY REFERENCES bills(id),
            snapshot BLOB NOT NULL,
            snapshot_seq INTEGER NOT NULL
        );
        -- AUTOINCREMENT: sequence numbers must never be reused once compaction deleted the highest rows,
        -- or a new update could hide below a snapshot's sequence.
        CREATE TABLE updates (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            data BLOB NOT NULL,
            created INTEGER NOT NULL
        );
        CREATE INDEX updates_bill_seq ON updates(bill_id, seq);
        CREATE TABLE invites (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            role TEXT NOT NULL,
            secret_hash BLOB NOT NULL UNIQUE,
            created INTEGER NOT NULL,
            revoked INTEGER NULL
        );
        CREATE INDEX invites_bill ON invites(bill_id);
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            invite_id TEXT NULL REFERENCES invites(id),
            joined INTEGER NOT NULL
        );
        CREATE INDEX participants_bill ON participants(bill_id);
        CREATE INDEX participants_invite ON participants(invite_id);
        CREATE TABLE sessions (
            token_hash BLOB PRIMARY KEY,
            participant_id TEXT NOT NULL REFERENCES participants(id),
            created INTEGER NOT NULL,
            revoked INTEGER NULL
        );
        CREATE INDEX sessions_participant ON sessions(participant_id);
        CREATE TABLE client_ids (
            bill_id TEXT NOT NULL REFERENCES bills(id),
            client_id INTEGER NOT NULL,
            participant_id TEXT NOT NULL REFERENCES participants(id),
            bound INTEGER NOT NULL,
            PRIMARY KEY (bill_id, client_id)
        );
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            bill_id TEXT NOT NULL,
            time INTEGER NOT NULL,
            participant_id TEXT NULL,
            role TEXT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX audit_bill ON audit(bill_id, id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        """;

    /// <summary>The schema version this code writes.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Brings the database to <see cref="Version"/>; refuses a database from newer code.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        var current = Convert.ToInt32(Scalar(connection, tx, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > Migrations.Length)
        {
            throw new StoreException(
                $"The database has schema version {current}, newer than this build's {Migrations.Length}.");
        }
        for (var i = current; i < Migrations.Length; i++)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Migrations[i];
            cmd.ExecuteNonQuery();
        }
        if (current != Migrations.Length)
        {
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"PRAGMA user_version = {Migrations.Length};";
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
