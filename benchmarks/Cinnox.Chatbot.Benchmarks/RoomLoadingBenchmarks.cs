using BenchmarkDotNet.Attributes;
using Cinnox.Chatbot.Rooms;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>
/// Loading a room of 10,000 messages from its stored form: folding every event (the baseline) against reading a
/// snapshot and the 100 events after it. Both include reading the JSON.
/// </summary>
[MemoryDiagnoser]
public class RoomLoadingBenchmarks
{
    private SerializedRoomEvent[] _events = [];
    private byte[] _snapshot = [];
    private SerializedRoomEvent[] _tail = [];

    /// <summary>Records a Space of 10,000 messages, a snapshot before the last 100.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var room = new SpaceRoom("space", "Load", RoomMember.Staff("alice", "Alice"));
        room.AddMember("alice", RoomMember.Staff("bob", "Bob"));
        for (var i = 0; i < 9_900; i++)
        {
            room.PostText(i % 2 == 0 ? "alice" : "bob", $"Message {i} for @Bob");
        }

        _snapshot = RoomEventSerializer.SerializeSnapshot(room.CreateSnapshot());
        var atSnapshot = room.Version;
        for (var i = 0; i < 100; i++)
        {
            room.PostText("alice", $"Later {i}");
        }

        _events = [.. room.TakePendingEvents().Select(RoomEventSerializer.Serialize)];
        _tail = [.. _events.Where(stored => stored.Sequence > atSnapshot)];
    }

    /// <summary>Folds all 10,003 events.</summary>
    /// <returns>The room's version.</returns>
    [Benchmark(Baseline = true)]
    public long Replay() => ChatRoom.Restore(null, _events.Select(RoomEventSerializer.Deserialize)).Version;

    /// <summary>Reads the snapshot and folds the 100 events after it.</summary>
    /// <returns>The room's version.</returns>
    [Benchmark]
    public long SnapshotAndTail() =>
        ChatRoom.Restore(RoomEventSerializer.DeserializeSnapshot(RoomSnapshot.CurrentSchemaVersion, _snapshot), _tail.Select(RoomEventSerializer.Deserialize)).Version;
}
