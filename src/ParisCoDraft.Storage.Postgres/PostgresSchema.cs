using Npgsql;

namespace ParisCoDraft.Storage.Postgres;

/// <summary>
/// The schema as a list of migrations, the same steps as the SQLite store's (core, deliberation, versions, deliberation revision, hybrid room);
/// <c>pariscodraft_schema.version</c> records how many have been applied. Append new steps, never edit a
/// shipped one. Several servers may start at once: the migration runs under an advisory lock.
/// </summary>
internal static partial class PostgresSchema
{
    private const long MigrationLock = 0x5043_4453_4348_454D; // "PCDSCHEM"

    private static readonly string[] Migrations =
    [
        Core,
        Deliberation,
        Versions,
        DeliberationRevision,
        HybridRoom,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Brings the database to <see cref="Version"/>; refuses a database from newer code.</summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection, tx))
        {
            cmd.Parameters.AddWithValue(MigrationLock);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var cmd = new NpgsqlCommand(
                         "CREATE TABLE IF NOT EXISTS pariscodraft_schema (version integer NOT NULL); " +
                         "INSERT INTO pariscodraft_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM pariscodraft_schema);",
                         connection, tx))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        int current;
        await using (var cmd = new NpgsqlCommand("SELECT version FROM pariscodraft_schema;", connection, tx))
        {
            current = (int)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        if (current > Migrations.Length)
        {
            throw new StoreException($"The database has schema version {current}, newer than this build's {Migrations.Length}.");
        }
        for (var i = current; i < Migrations.Length; i++)
        {
            await using var cmd = new NpgsqlCommand(Migrations[i], connection, tx);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var cmd = new NpgsqlCommand("UPDATE pariscodraft_schema SET version = $1;", connection, tx))
        {
            cmd.Parameters.AddWithValue(Migrations.Length);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    // Times are Unix milliseconds (bigint), as in the SQLite store, so both engines give back the same values.
    private const string Core =
        """
        CREATE TABLE bills (
            id text PRIMARY KEY,
            title text NOT NULL,
            created bigint NOT NULL
        );
        CREATE TABLE documents (
            bill_id text PRIMARY KEY REFERENCES bills(id),
            snapshot bytea NOT NULL,
            snapshot_seq bigint NOT NULL
        );
        -- An identity column draws from a sequence, which never hands out a number twice (not even after a
        -- rollback), so compaction deleting the highest rows cannot make a number come back.
        -- origin: the store instance (server process) that appended the update, for the fan-out.
        CREATE TABLE updates (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            data bytea NOT NULL,
            origin text NOT NULL,
            created bigint NOT NULL
        );
        CREATE INDEX updates_bill_seq ON updates(bill_id, seq);
        CREATE TABLE invites (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            role text NOT NULL,
            secret_hash bytea NOT NULL UNIQUE,
            created bigint NOT NULL,
            revoked bigint NULL
        );
        CREATE INDEX invites_bill ON invites(bill_id);
        CREATE TABLE participants (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            display_name text NOT NULL,
            role text NOT NULL,
            invite_id text NULL REFERENCES invites(id),
            joined bigint NOT NULL
        );
        CREATE INDEX participants_bill ON participants(bill_id);
        CREATE INDEX participants_invite ON participants(invite_id);
        CREATE TABLE sessions (
            token_hash bytea PRIMARY KEY,
            participant_id text NOT NULL REFERENCES participants(id),
            created bigint NOT NULL,
            revoked bigint NULL
        );
        CREATE INDEX sessions_participant ON sessions(participant_id);
        CREATE TABLE client_ids (
            bill_id text NOT NULL REFERENCES bills(id),
            client_id bigint NOT NULL,
            participant_id text NOT NULL REFERENCES participants(id),
            bound bigint NOT NULL,
            PRIMARY KEY (bill_id, client_id)
        );
        CREATE TABLE audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            bill_id text NOT NULL,
            time bigint NOT NULL,
            participant_id text NULL,
            role text NULL,
            action text NOT NULL,
            detail text NOT NULL
        );
        CREATE INDEX audit_bill ON audit(bill_id, id);
        CREATE FUNCTION pariscodraft_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
        END $$;
        CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION pariscodraft_refuse('audit log is append-only');
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
            FOR EACH STATEMENT EXECUTE FUNCTION pariscodraft_refuse('audit log is append-only');
        """;
}
