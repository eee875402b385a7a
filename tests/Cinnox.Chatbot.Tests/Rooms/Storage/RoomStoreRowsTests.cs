using System.Data;
using System.Data.Common;

namespace Cinnox.Chatbot.Rooms.Storage.Tests;

public class RoomStoreRowsTests
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ReadMessage_RowWithNulls_KeepsNullTextAndTimes()
    {
        using var row = Row(
            ("sequence", 7L), ("message_id", "m-7"), ("sender_id", "alice"), ("sender_name", "Alice"), ("kind", "Text"), ("text", DBNull.Value),
            ("sent_at", Sent.UtcTicks), ("edited_at", DBNull.Value), ("recalled_at", Sent.AddMinutes(1).UtcTicks));

        var message = RoomStoreRows.ReadMessage(row, "room-1", Ticks);

        message.Should().Be(new MessageRecord("room-1", "m-7", 7, "alice", "Alice", RoomMessageKind.Text, null, Sent, null, Sent.AddMinutes(1)));
        message.IsRecalled.Should().BeTrue();
    }

    [Fact]
    public void ReadEvent_Row_ReadsTheColumnsInTheirDocumentedOrder()
    {
        using var row = Row(("sequence", 3L), ("type", "MessagePosted"), ("schema_version", 2), ("occurred_at", Sent.UtcTicks), ("data", new byte[] { 1, 2 }));

        var stored = RoomStoreRows.ReadEvent(row, "room-1", Ticks);

        stored.RoomId.Should().Be("room-1");
        stored.Sequence.Should().Be(3);
        stored.Type.Should().Be("MessagePosted");
        stored.SchemaVersion.Should().Be(2);
        stored.OccurredAt.Should().Be(Sent);
        stored.Data.ToArray().Should().Equal(1, 2);
    }

    [Fact]
    public void ReadInboxEntry_ColumnsAfterABadge_StartsAtFirst()
    {
        using var row = Row(
            ("badge", 4L), ("room_id", "room-1"), ("kind", "Enquiry"), ("title", "Order 12"), ("unread", 2), ("read_sequence", 5L),
            ("setting", "MentionsOnly"), ("last_activity_at", DBNull.Value));

        var entry = RoomStoreRows.ReadInboxEntry(row, 1, "alice", Ticks);

        entry.Should().Be(new RoomMemberRecord("room-1", "alice", RoomKind.Enquiry, "Order 12", 2, 5, RoomNotificationSetting.MentionsOnly, null));
    }

    [Fact]
    public void ReadIdempotencyKey_NoMessage_KeepsTheVersion()
    {
        using var row = Row(("message_id", DBNull.Value), ("message_sequence", 0L), ("version", 9L));

        RoomStoreRows.ReadIdempotencyKey(row, "room-1", "key-1").Should().Be(new IdempotencyRecord("room-1", "key-1", null, 0, 9));
    }

    [Fact]
    public void ToStoredRoom_NoSnapshotNorEvents_IsNull()
    {
        RoomStoreRows.ToStoredRoom("room-1", null, []).Should().BeNull("a room the store never saw does not exist");
        RoomStoreRows.ToStoredRoom("room-1", new StoredSnapshot("room-1", 4, 1, new byte[] { 1 }), [])!.Version.Should().Be(4);
    }

    private static DateTimeOffset Ticks(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    private static DataTableReader Row(params (string Name, object Value)[] columns)
    {
        using var table = new DataTable();
        foreach (var (name, value) in columns)
        {
            table.Columns.Add(name, value is DBNull ? typeof(string) : value.GetType());
        }

        table.Rows.Add([.. columns.Select(static column => column.Value)]);
        var reader = table.CreateDataReader();
        reader.Read();
        return reader;
    }
}
