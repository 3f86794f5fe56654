namespace ParisCoDraft.Storage.Sqlite;

internal static partial class SqliteSchema
{
    // Deliberation: comments, stance markers, amendments, agenda, locks, rounds, approval votes.
    private const string Deliberation =
        """
        CREATE TABLE deliberation_settings (
            bill_id TEXT PRIMARY KEY REFERENCES bills(id),
            consensus_rule TEXT NOT NULL,
            approval_rule TEXT NOT NULL,
            agenda TEXT NOT NULL,
            focus_clause_id TEXT NULL,
            updated INTEGER NOT NULL
        );
        CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            clause_id TEXT NOT NULL,
            amendment_id TEXT NULL,
            parent_id TEXT NULL,
            author_id TEXT NOT NULL,
            author_name TEXT NOT NULL,
            author_role TEXT NOT NULL,
            body TEXT NOT NULL,
            field TEXT NULL,
            anchor_start BLOB NULL,
            anchor_end BLOB NULL,
            quote TEXT NULL,
            created INTEGER NOT NULL,
            edited INTEGER NULL,
            resolved INTEGER NULL,
            resolved_by TEXT NULL,
            hidden INTEGER NULL,
            hidden_by TEXT NULL,
            hidden_reason TEXT NULL,
            deleted INTEGER NULL
        );
        CREATE INDEX comments_bill ON comments(bill_id, created);
        CREATE TABLE stances (
            bill_id TEXT NOT NULL REFERENCES bills(id),
            target_id TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            stance TEXT NOT NULL,
            reason TEXT NULL,
            text_hash TEXT NOT NULL,
            given_at INTEGER NOT NULL,
            PRIMARY KEY (bill_id, target_id, participant_id)
        );
        CREATE TABLE amendments (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            clause_id TEXT NULL,
            after_clause_id TEXT NULL,
            heading TEXT NOT NULL,
            body TEXT NOT NULL,
            rationale TEXT NULL,
            base_heading TEXT NOT NULL,
            base_body TEXT NOT NULL,
            author_id TEXT NOT NULL,
            author_name TEXT NOT NULL,
            author_role TEXT NOT NULL,
            created INTEGER NOT NULL,
            status TEXT NOT NULL,
            decided_by TEXT NULL,
            decided_at INTEGER NULL,
            decision_note TEXT NULL,
            adopted_clause_id TEXT NULL
        );
        CREATE INDEX amendments_bill ON amendments(bill_id, created);
        CREATE TABLE clause_locks (
            bill_id TEXT NOT NULL REFERENCES bills(id),
            clause_id TEXT NOT NULL,
            reason TEXT NOT NULL,
            locked_by TEXT NOT NULL,
            locked_at INTEGER NOT NULL,
            PRIMARY KEY (bill_id, clause_id)
        );
        CREATE TABLE consensus_rounds (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            clause_id TEXT NOT NULL,
            opened_by TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            closed_by TEXT NULL,
            closed_at INTEGER NULL,
            result TEXT NULL
        );
        CREATE INDEX consensus_rounds_bill ON consensus_rounds(bill_id, opened_at);
        CREATE TABLE approval_votes (
            id TEXT PRIMARY KEY,
            bill_id TEXT NOT NULL REFERENCES bills(id),
            opened_by TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            text_sha256 TEXT NOT NULL,
            rule TEXT NOT NULL,
            eligible INTEGER NOT NULL,
            closed_by TEXT NULL,
            closed_at INTEGER NULL,
            outcome TEXT NULL
        );
        CREATE INDEX approval_votes_bill ON approval_votes(bill_id, opened_at);
        CREATE TABLE approval_ballots (
            vote_id TEXT NOT NULL REFERENCES approval_votes(id),
            participant_id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            approves INTEGER NOT NULL,
            cast_at INTEGER NOT NULL,
            text_sha256 TEXT NOT NULL,
            PRIMARY KEY (vote_id, participant_id)
        );
        """;

    // One row per bill whose deliberation changed: the revision every write adds one to, in its transaction
    // (servers compare it with what they loaded; see IDeliberationStore.DeliberationRevisionAsync).
    private const string DeliberationRevision =
        """
        CREATE TABLE deliberation_revisions (
            bill_id TEXT PRIMARY KEY REFERENCES bills(id),
            revision INTEGER NOT NULL
        );
        """;
}
