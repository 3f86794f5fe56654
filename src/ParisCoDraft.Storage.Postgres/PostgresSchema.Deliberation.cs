namespace ParisCoDraft.Storage.Postgres;

internal static partial class PostgresSchema
{
    // Deliberation: the SQLite step's tables, with PostgreSQL types.
    private const string Deliberation =
        """
        CREATE TABLE deliberation_settings (
            bill_id text PRIMARY KEY REFERENCES bills(id),
            consensus_rule text NOT NULL,
            approval_rule text NOT NULL,
            agenda text NOT NULL,
            focus_clause_id text NULL,
            updated bigint NOT NULL
        );
        CREATE TABLE comments (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            clause_id text NOT NULL,
            amendment_id text NULL,
            parent_id text NULL,
            author_id text NOT NULL,
            author_name text NOT NULL,
            author_role text NOT NULL,
            body text NOT NULL,
            field text NULL,
            anchor_start bytea NULL,
            anchor_end bytea NULL,
            quote text NULL,
            created bigint NOT NULL,
            edited bigint NULL,
            resolved bigint NULL,
            resolved_by text NULL,
            hidden bigint NULL,
            hidden_by text NULL,
            hidden_reason text NULL,
            deleted bigint NULL
        );
        CREATE INDEX comments_bill ON comments(bill_id, created);
        CREATE TABLE stances (
            bill_id text NOT NULL REFERENCES bills(id),
            target_id text NOT NULL,
            participant_id text NOT NULL,
            display_name text NOT NULL,
            role text NOT NULL,
            stance text NOT NULL,
            reason text NULL,
            text_hash text NOT NULL,
            given_at bigint NOT NULL,
            PRIMARY KEY (bill_id, target_id, participant_id)
        );
        CREATE TABLE amendments (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            clause_id text NULL,
            after_clause_id text NULL,
            heading text NOT NULL,
            body text NOT NULL,
            rationale text NULL,
            base_heading text NOT NULL,
            base_body text NOT NULL,
            author_id text NOT NULL,
            author_name text NOT NULL,
            author_role text NOT NULL,
            created bigint NOT NULL,
            status text NOT NULL,
            decided_by text NULL,
            decided_at bigint NULL,
            decision_note text NULL,
            adopted_clause_id text NULL
        );
        CREATE INDEX amendments_bill ON amendments(bill_id, created);
        CREATE TABLE clause_locks (
            bill_id text NOT NULL REFERENCES bills(id),
            clause_id text NOT NULL,
            reason text NOT NULL,
            locked_by text NOT NULL,
            locked_at bigint NOT NULL,
            PRIMARY KEY (bill_id, clause_id)
        );
        CREATE TABLE consensus_rounds (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            clause_id text NOT NULL,
            opened_by text NOT NULL,
            opened_at bigint NOT NULL,
            closed_by text NULL,
            closed_at bigint NULL,
            result text NULL
        );
        CREATE INDEX consensus_rounds_bill ON consensus_rounds(bill_id, opened_at);
        CREATE TABLE approval_votes (
            id text PRIMARY KEY,
            bill_id text NOT NULL REFERENCES bills(id),
            opened_by text NOT NULL,
            opened_at bigint NOT NULL,
            text_sha256 text NOT NULL,
            rule text NOT NULL,
            eligible integer NOT NULL,
            closed_by text NULL,
            closed_at bigint NULL,
            outcome text NULL
        );
        CREATE INDEX approval_votes_bill ON approval_votes(bill_id, opened_at);
        CREATE TABLE approval_ballots (
            vote_id text NOT NULL REFERENCES approval_votes(id),
            participant_id text NOT NULL,
            display_name text NOT NULL,
            approves boolean NOT NULL,
            cast_at bigint NOT NULL,
            text_sha256 text NOT NULL,
            PRIMARY KEY (vote_id, participant_id)
        );
        """;

    // One row per bill whose deliberation changed: the revision every write adds one to, in its transaction.
    private const string DeliberationRevision =
        """
        CREATE TABLE deliberation_revisions (
            bill_id text PRIMARY KEY REFERENCES bills(id),
            revision bigint NOT NULL
        );
        """;
}
