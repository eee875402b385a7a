namespace Cinnox.Chatbot.Rooms.Sqlite;

/// <summary>
/// The schema's history, oldest first. Steps are never edited once released: a change is a new step. Each step runs
/// in a transaction with the row that records it in <c>schema_version</c>, so a database is always at one version.
/// </summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "events, snapshots, rooms and idempotency keys", """
            CREATE TABLE room_events (
                room_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                type TEXT NOT NULL,
                schema_version INTEGER NOT NULL,
                occurred_at INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (room_id, sequence)
            ) WITHOUT ROWID;
            CREATE TABLE rooms (
                room_id TEXT NOT NULL PRIMARY KEY,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                version INTEGER NOT NULL,
                last_activity_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE room_snapshots (
                room_id TEXT NOT NULL PRIMARY KEY,
                version INTEGER NOT NULL,
                schema_version INTEGER NOT NULL,
                data BLOB NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE idempotency_keys (
                room_id TEXT NOT NULL,
                key TEXT NOT NULL,
                message_id TEXT,
                message_sequence INTEGER NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (room_id, key)
            ) WITHOUT ROWID;
            """),
        new(2, "read models: message history and each member's view of each room", """
            CREATE TABLE room_messages (
                room_id TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                message_id TEXT NOT NULL,
                sender_id TEXT NOT NULL,
                sender_name TEXT NOT NULL,
                kind TEXT NOT NULL,
                text TEXT,
                sent_at INTEGER NOT NULL,
                edited_at INTEGER,
                recalled_at INTEGER,
                PRIMARY KEY (room_id, sequence)
            ) WITHOUT ROWID;
            CREATE TABLE room_members (
                member_id TEXT NOT NULL,
                room_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                unread INTEGER NOT NULL,
                read_sequence INTEGER NOT NULL,
                setting TEXT NOT NULL,
                last_activity_at INTEGER,
                PRIMARY KEY (member_id, room_id)
            ) WITHOUT ROWID;
            CREATE INDEX room_members_unread ON room_members (member_id) WHERE unread > 0;
            """),
        new(3, "work queued with a command", """
            CREATE TABLE room_work (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                room_id TEXT NOT NULL,
                queue TEXT NOT NULL,
                sequence INTEGER NOT NULL,
                payload BLOB NOT NULL
            );
            CREATE INDEX room_work_by_queue ON room_work (queue, id);
            """),
    ];

    /// <summary>Gets the version a database is at once every step has run.</summary>
    public static int Latest => All[^1].Version;
}
