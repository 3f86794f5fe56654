namespace ParisCoDraft.Storage.Postgres;

internal static partial class PostgresSchema
{
    // Workshops, versions, authorship, ideas, follow-up commitments: the SQLite step's tables.
    private const string Versions =
        """
        CREATE TABLE workshops (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            name text NOT NULL,
            date text NOT NULL,
            place text NOT NULL,
            mode text NOT NULL,
            state text NOT NULL,
            created bigint NOT NULL,
            opened bigint NULL,
            closed bigint NULL
        );
        CREATE INDEX workshops_bill ON workshops(bill_id, date);
        -- A version is a Yjs snapshot (state vector + delete set); the server's doc keeps deleted content
        -- (gc off) so it stays readable. Kept forever: no update, no delete.
        CREATE TABLE versions (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            number integer NOT NULL,
            label text NOT NULL,
            kind text NOT NULL,
            workshop_id text NULL REFERENCES workshops(id),
            taken bigint NOT NULL,
            taken_by text NULL,
            sha256 text NOT NULL,
            snapshot bytea NOT NULL,
            UNIQUE (bill_id, number)
        );
        CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
            FOR EACH ROW EXECUTE FUNCTION pariscodraft_refuse('versions are kept as taken');
        CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
            FOR EACH ROW EXECUTE FUNCTION pariscodraft_refuse('versions are kept forever');
        CREATE TRIGGER versions_no_truncate BEFORE TRUNCATE ON versions
            FOR EACH STATEMENT EXECUTE FUNCTION pariscodraft_refuse('versions are kept forever');
        -- Who deleted what: the delete-set ranges of each stored update, with the sender.
        CREATE TABLE deletions (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            seq bigint NOT NULL,
            client bigint NOT NULL,
            clock bigint NOT NULL,
            length bigint NOT NULL,
            participant_id text NOT NULL
        );
        CREATE INDEX deletions_bill ON deletions(bill_id, seq);
        CREATE TABLE ideas (
            bill_id text NOT NULL REFERENCES bills(id),
            number integer NOT NULL,
            title text NOT NULL,
            text text NOT NULL,
            source_group text NULL,
            disposition text NULL,
            updated bigint NULL,
            updated_by text NULL,
            PRIMARY KEY (bill_id, number)
        );
        CREATE TABLE commitments (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            clause_id text NOT NULL,
            department text NOT NULL,
            action text NOT NULL,
            due text NOT NULL,
            status text NOT NULL,
            updated bigint NOT NULL,
            updated_by text NULL
        );
        CREATE INDEX commitments_bill ON commitments(bill_id, due);
        CREATE TABLE follow_up (
            bill_id text PRIMARY KEY REFERENCES bills(id),
            adopted text NULL
        );
        """;
}
