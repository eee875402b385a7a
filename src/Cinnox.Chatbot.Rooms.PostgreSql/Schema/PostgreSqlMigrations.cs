namespace Cinnox.Chatbot.Rooms.PostgreSql;

/// <summary>
/// The schema's history, oldest first. Steps are never edited once released: a change is a new step. Each step runs in a
/// transaction with the row that records it in <c>schema_version</c>, under an advisory lock, so several nodes starting at
/// once migrate a database exactly once and it is always at one version.
/// </summary>
internal static class PostgreSqlMigrations
{
    public static IReadOnlyList<PostgreSqlMigration> All { get; } =
    [
        new(1, "events, snapshots, rooms and idempotency keys", """
            CREATE TABLE {0}.room_events (
                room_id text NOT NULL,
                sequence bigint NOT NULL,
                type text NOT NULL,
                schema_version integer NOT NULL,
                occurred_at timestamptz NOT NULL,
                data bytea NOT NULL,
                PRIMARY KEY (room_id, sequence)
            );
            CREATE TABLE {0}.rooms (
                room_id text NOT NULL PRIMARY KEY,
                kind text NOT NULL,
                title text NOT NULL,
                version bigint NOT NULL,
                last_activity_at timestamptz NOT NULL
            );
            CREATE TABLE {0}.room_snapshots (
                room_id text NOT NULL PRIMARY KEY,
                version bigint NOT NULL,
                schema_version integer NOT NULL,
                data bytea NOT NULL
            );
            CREATE TABLE {0}.idempotency_keys (
                room_id text NOT NULL,
                key text NOT NULL,
                message_id text,
                message_sequence bigint NOT NULL,
                version bigint NOT NULL,
                PRIMARY KEY (room_id, key)
            );
            """),
        new(2, "read models: message history and each member's view of each room", """
            CREATE TABLE {0}.room_messages (
                room_id text NOT NULL,
                sequence bigint NOT NULL,
                message_id text NOT NULL UNIQUE,
                sender_id text NOT NULL,
                sender_name text NOT NULL,
                kind text NOT NULL,
                text text,
                sent_at timestamptz NOT NULL,
                edited_at timestamptz,
                recalled_at timestamptz,
                PRIMARY KEY (room_id, sequence)
            );
            CREATE TABLE {0}.room_members (
                member_id text NOT NULL,
                room_id text NOT NULL,
                kind text NOT NULL,
                title text NOT NULL,
                unread integer NOT NULL,
                read_sequence bigint NOT NULL,
                setting text NOT NULL,
                last_activity_at timestamptz,
                PRIMARY KEY (member_id, room_id)
            );
            CREATE INDEX room_members_unread ON {0}.room_members (member_id) WHERE unread > 0;
            """),
        new(3, "work queued with a command, taken by one worker per room", """
            CREATE TABLE {0}.room_work (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                room_id text NOT NULL,
                queue text NOT NULL,
                sequence bigint NOT NULL,
                payload bytea NOT NULL,
                started_at timestamptz,
                finished_at timestamptz
            );
            CREATE INDEX room_work_pending ON {0}.room_work (queue, id) WHERE finished_at IS NULL;
            """),
    ];

    /// <summary>Gets the version a database is at once every step has run.</summary>
    public static int Latest => All[^1].Version;
}
