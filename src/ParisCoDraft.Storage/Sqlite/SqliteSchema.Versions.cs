namespace ParisCoDraft.Storage.Sqlite;

internal static partial class SqliteSchema
{
    // Workshops, versions, authorship, ideas, follow-up commitments.
    private const string Versions =
        """
        CREATE TABLE workshops (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            name TEXT NOT NULL,
            date TEXT NOT NULL,
            place TEXT NOT NULL,
            mode TEXT NOT NULL,
            state TEXT NOT NULL,
            created INTEGER NOT NULL,
            opened INTEGER NULL,
            closed INTEGER NULL
        );
        CREATE INDEX workshops_bill ON workshops(bill_id, date);
        -- A version is a Yjs snapshot (state vector + delete set); the server's doc keeps deleted content
        -- (gc off) so it stays readable. Kept forever: no update, no delete.
        CREATE TABLE versions (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            number INTEGER NOT NULL,
            label TEXT NOT NULL,
            kind TEXT NOT NULL,
            workshop_id TEXT NULL REFERENCES workshops(id),
            taken INTEGER NOT NULL,
            taken_by TEXT NULL,
            sha256 TEXT NOT NULL,
            snapshot BLOB NOT NULL,
            UNIQUE (bill_id, number)
        );
        CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'versions are kept as taken'); END;
        CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'versions are kept forever'); END;
        -- Who deleted what: the delete-set ranges of each stored update, with the sender.
        CREATE TABLE deletions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            seq INTEGER NOT NULL,
            client INTEGER NOT NULL,
            clock INTEGER NOT NULL,
            length INTEGER NOT NULL,
            participant_id TEXT NOT NULL
        );
        CREATE INDEX deletions_bill ON deletions(bill_id, seq);
        CREATE TABLE ideas (
            bill_id TEXT NOT NULL REFERENCES bills(id),
            number INTEGER NOT NULL,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            source_group TEXT NULL,
            disposition TEXT NULL,
            updated INTEGER NULL,
            updated_by TEXT NULL,
            PRIMARY KEY (bill_id, number)
        );
        CREATE TABLE commitments (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            clause_id TEXT NOT NULL,
            department TEXT NOT NULL,
            action TEXT NOT NULL,
            due TEXT NOT NULL,
            status TEXT NOT NULL,
            updated INTEGER NOT NULL,
            updated_by TEXT NULL
        );
        CREATE INDEX commitments_bill ON commitments(bill_id, due);
        CREATE TABLE follow_up (
            bill_id TEXT PRIMARY KEY REFERENCES bills(id),
            adopted TEXT NULL
        );
        """;
}
