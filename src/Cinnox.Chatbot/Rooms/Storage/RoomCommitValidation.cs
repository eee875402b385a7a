namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>Checks a <see cref="RoomCommit"/> before a store writes it; shared by every provider so they refuse the same things the same way.</summary>
public static class RoomCommitValidation
{
    /// <summary>Checks that a commit is whole: a room id, events of that room numbered from the expected version + 1 without gaps, rows of the same room.</summary>
    /// <param name="commit">The commit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is null.</exception>
    /// <exception cref="ArgumentException">The commit names the problem: no events, a sequence out of order, a row or event of another room.</exception>
    public static void Check(RoomCommit commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentException.ThrowIfNullOrWhiteSpace(commit.RoomId, nameof(commit) + "." + nameof(commit.RoomId));
        if (commit.ExpectedVersion < 0)
        {
            throw new ArgumentException($"{nameof(RoomCommit.ExpectedVersion)} is {commit.ExpectedVersion}; it is 0 for a new room, else the version the command saw.", nameof(commit));
        }

        if (commit.Events.Count == 0)
        {
            throw new ArgumentException($"The commit to room {commit.RoomId} has no events; a command that changed nothing has nothing to commit.", nameof(commit));
        }

        for (var i = 0; i < commit.Events.Count; i++)
        {
            var stored = commit.Events[i];
            if (stored.RoomId != commit.RoomId)
            {
                throw new ArgumentException($"Event {stored.Sequence} belongs to room {stored.RoomId}, not {commit.RoomId}; a commit writes one room.", nameof(commit));
            }

            if (stored.Sequence != commit.ExpectedVersion + i + 1)
            {
                throw new ArgumentException(
                    $"Event {i + 1} of the commit to room {commit.RoomId} has sequence {stored.Sequence}; after version {commit.ExpectedVersion} it must be {commit.ExpectedVersion + i + 1}.", nameof(commit));
            }
        }

        if (commit.Room.RoomId != commit.RoomId || commit.Members.Any(row => row.RoomId != commit.RoomId) || commit.Messages.Any(row => row.RoomId != commit.RoomId))
        {
            throw new ArgumentException($"The commit to room {commit.RoomId} carries read-model rows of another room; a commit writes one room.", nameof(commit));
        }

        if (commit.Room.Version != commit.Events[^1].Sequence)
        {
            throw new ArgumentException($"The room row of {commit.RoomId} says version {commit.Room.Version}, but the last event is {commit.Events[^1].Sequence}.", nameof(commit));
        }
    }
}
