namespace Cinnox.Chatbot.Rooms.Storage;

// Turning a command's new events into one commit: read-model rows, snapshots and idempotency records.
public sealed partial class RoomRepository
{
    private RoomCommit BuildCommit(ChatRoom room, long expectedVersion, IReadOnlyList<RoomEvent> events, IReadOnlyList<RoomWorkItem> work, IdempotencyRecord? idempotency)
    {
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var left = new List<string>();
        foreach (var change in events)
        {
            switch (change)
            {
                case MessagePosted posted: touched.Add(posted.Message.Id); break;
                case MessageEdited edited: touched.Add(edited.MessageId); break;
                case MessageRecalled recalled: touched.Add(recalled.MessageId); break;
                case MessagePreviewAttached preview: touched.Add(preview.MessageId); break;
                case ChatbotReplyDeltaAppended delta: touched.Add(delta.MessageId); break;
                case ChatbotReplyTextReplaced replaced: touched.Add(replaced.MessageId); break;
                case ChatbotReplyCompleted completed: touched.Add(completed.MessageId); break;
                case MemberLeft memberLeft: left.Add(memberLeft.MemberId); break;
                default: break;
            }
        }

        var version = room.Version;
        var spacing = SnapshotSpacing(_options.SnapshotEvery, expectedVersion);
        var snapshotDue = spacing > 0 && version / spacing != expectedVersion / spacing;
        return new RoomCommit
        {
            RoomId = room.Id,
            ExpectedVersion = expectedVersion,
            Events = [.. events.Select(RoomEventSerializer.Serialize)],
            Room = room.GetRoomRecord(),
            Members = room.GetMemberRecords(),
            MembersLeft = left,
            Messages = [.. touched.Select(room.GetMessageRecord).OrderBy(static record => record.Sequence)],
            Snapshot = snapshotDue ? new StoredSnapshot(room.Id, version, RoomSnapshot.CurrentSchemaVersion, RoomEventSerializer.SerializeSnapshot(room.CreateSnapshot())) : null,
            Idempotency = idempotency,
            Work = work,
        };
    }

    // A snapshot holds the whole room, so writing one costs as much as the room is long. Taken every SnapshotEvery
    // events, that cost per event would grow with the room; instead the spacing doubles (from SnapshotEvery) once the
    // room is more than SnapshotGrowth spacings long, so each event pays for a fixed number of messages' worth of snapshot
    // and a load still reads at most about half the room's events after its snapshot. Every spacing is a multiple of the
    // smaller ones, so their boundaries agree.
    private static long SnapshotSpacing(int snapshotEvery, long expectedVersion)
    {
        const int SnapshotGrowth = 4;
        if (snapshotEvery <= 0)
        {
            return 0;
        }

        long spacing = snapshotEvery;
        while (spacing * SnapshotGrowth < expectedVersion && spacing <= long.MaxValue / (2 * SnapshotGrowth))
        {
            spacing *= 2;
        }

        return spacing;
    }

    private static (string? Id, long Sequence) FindMessage(ChatRoom room, IReadOnlyList<RoomEvent> events)
    {
        foreach (var change in events)
        {
            if (change is MessagePosted posted)
            {
                return (posted.Message.Id, posted.Message.Sequence);
            }
        }

        foreach (var change in events)
        {
            var id = change switch
            {
                MessageEdited edited => edited.MessageId,
                MessageRecalled recalled => recalled.MessageId,
                MessagePreviewAttached preview => preview.MessageId,
                _ => null,
            };
            if (id is not null && room.TryGetMessage(id, out var message))
            {
                return (id, message.Sequence);
            }
        }

        return (null, 0);
    }
}
