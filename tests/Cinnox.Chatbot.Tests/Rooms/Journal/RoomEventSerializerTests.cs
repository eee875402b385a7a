using Microsoft.Extensions.Time.Testing;
using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Rooms.Tests;

public class RoomEventSerializerTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Serialize_EveryEvent_CarriesItsTypeNameAndSchemaVersionAndNoLiveRoom()
    {
        var room = new SpaceRoom("space-1", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: _clock);
        room.PostText("alice", "hello");

        var stored = room.TakePendingEvents().Select(RoomEventSerializer.Serialize).ToList();

        stored.Select(e => (e.Type, e.SchemaVersion, e.Sequence)).Should().Equal(("SpaceCreated", 1, 1L), ("MemberJoined", 1, 2L), ("MessagePosted", 1, 3L));
        var json = Encoding.UTF8.GetString(stored[2].Data.Span);
        json.Should().Contain("\"roomId\":\"space-1\"").And.Contain("\"text\":\"hello\"").And.Contain("\"kind\":\"Text\"");
        RoomEventSerializer.KnownTypes.Should().ContainKey("MessagePosted").WhoseValue.Should().Be(1);
    }

    [Fact]
    public void Deserialize_UnknownTypeOrNewerVersion_SaysWhatToDo()
    {
        var room = new SpaceRoom("space-1", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: _clock);
        var stored = RoomEventSerializer.Serialize(room.TakePendingEvents()[0]);

        var unknown = () => RoomEventSerializer.Deserialize(stored with { Type = "RoomTeleported" });
        var newer = () => RoomEventSerializer.Deserialize(stored with { SchemaVersion = 2 });
        var broken = () => RoomEventSerializer.Deserialize(stored with { Data = "{\"roomId\":1}"u8.ToArray() });

        unknown.Should().Throw<RoomEventFormatException>().WithMessage("Event 1 of room space-1 cannot be read: the event type 'RoomTeleported' is unknown*update the package*")
            .Which.EventType.Should().Be("RoomTeleported");
        newer.Should().Throw<RoomEventFormatException>().WithMessage("*schema version 2 of SpaceCreated*reads versions 1 to 1*");
        broken.Should().Throw<RoomEventFormatException>().WithMessage("*JSON does not match SpaceCreated*");
    }

    [Fact]
    public void Deserialize_UnknownPropertiesFromANewerWriter_AreIgnored()
    {
        var json = """{"name":"Team","visibility":"Public","roomId":"s","sequence":1,"occurredAt":"2026-01-01T00:00:00+00:00","addedLater":{"x":1}}""";

        var restored = RoomEventSerializer.Deserialize(new SerializedRoomEvent("s", 1, default, "SpaceCreated", 1, Encoding.UTF8.GetBytes(json)));

        restored.Should().BeOfType<SpaceCreated>().Which.Visibility.Should().Be(SpaceVisibility.Public);
    }

    [Fact]
    public void Restore_EventsWithAGap_IsRefused()
    {
        var room = new SpaceRoom("space-1", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: _clock);
        room.PostText("alice", "hello");
        var events = room.TakePendingEvents();

        var act = () => ChatRoom.Restore(null, [events[0], events[2]], _clock);

        act.Should().Throw<ArgumentException>().WithMessage("Event 3 of room space-1 does not follow version 1*");
    }
}
