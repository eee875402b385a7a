using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Turns room events and snapshots into their stored form and back (docs/chat-rooms.md#rooms-that-last): each event type has a stable type
/// name and a schema version, and an event written with an older schema version is upgraded as it loads.
/// </summary>
/// <remarks>
/// Serialization uses System.Text.Json source generation only, so it is trim- and AOT-safe. Unknown properties are
/// ignored on load, so an older library reads events a newer one wrote as long as their type is known.
/// </remarks>
public static class RoomEventSerializer
{
    private static readonly FrozenDictionary<Type, Registration> ByType;
    private static readonly FrozenDictionary<string, Registration> ByName;

    // Upgrades from an older schema version to the next, keyed by type name and the version upgraded from. Empty
    // while every event type is at version 1; a change of meaning adds a step here and raises the type's version.
    private static readonly FrozenDictionary<(string Type, int FromVersion), Func<JsonObject, JsonObject>> Upgrades =
        new Dictionary<(string, int), Func<JsonObject, JsonObject>>().ToFrozenDictionary();

    static RoomEventSerializer()
    {
        var context = RoomJsonContext.Default;
        Registration[] all =
        [
            new(nameof(SpaceCreated), 1, context.SpaceCreated),
            new(nameof(DirectRoomOpened), 1, context.DirectRoomOpened),
            new(nameof(ConferenceCreated), 1, context.ConferenceCreated),
            new(nameof(EnquiryOpened), 1, context.EnquiryOpened),
            new(nameof(MemberJoined), 1, context.MemberJoined),
            new(nameof(MemberLeft), 1, context.MemberLeft),
            new(nameof(MemberConnected), 1, context.MemberConnected),
            new(nameof(MessagePosted), 1, context.MessagePosted),
            new(nameof(MessageEdited), 1, context.MessageEdited),
            new(nameof(MessageRecalled), 1, context.MessageRecalled),
            new(nameof(MessagePreviewAttached), 1, context.MessagePreviewAttached),
            new(nameof(NotificationSettingChanged), 1, context.NotificationSettingChanged),
            new(nameof(ReadPositionMoved), 1, context.ReadPositionMoved),
            new(nameof(ChatbotReplyDeltaAppended), 1, context.ChatbotReplyDeltaAppended),
            new(nameof(ChatbotReplyTextReplaced), 1, context.ChatbotReplyTextReplaced),
            new(nameof(ChatbotReplyCompleted), 1, context.ChatbotReplyCompleted),
            new(nameof(VisitorInformationChanged), 1, context.VisitorInformationChanged),
            new(nameof(EnquiryClassified), 1, context.EnquiryClassified),
            new(nameof(EnquiryTransferred), 1, context.EnquiryTransferred),
            new(nameof(EnquiryAccepted), 1, context.EnquiryAccepted),
            new(nameof(EnquiryClosed), 1, context.EnquiryClosed),
            new(nameof(ChatbotAssigned), 1, context.ChatbotAssigned),
            new(nameof(SpaceDetailsChanged), 1, context.SpaceDetailsChanged),
        ];
        ByType = all.ToFrozenDictionary(static registration => registration.TypeInfo.Type);
        ByName = all.ToFrozenDictionary(static registration => registration.Name, StringComparer.Ordinal);
        KnownTypes = all.ToFrozenDictionary(static registration => registration.Name, static registration => registration.SchemaVersion, StringComparer.Ordinal);
    }

    /// <summary>Gets the stable type names of every event type this version knows, with their current schema versions.</summary>
    public static IReadOnlyDictionary<string, int> KnownTypes { get; }

    /// <summary>Gets the stable type name an event is stored under.</summary>
    /// <param name="roomEvent">The event.</param>
    /// <returns>The type name, such as <c>MessagePosted</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roomEvent"/> is null.</exception>
    /// <exception cref="ArgumentException">The event's type is not one of the library's event types.</exception>
    public static string GetTypeName(RoomEvent roomEvent) => Find(roomEvent).Name;

    /// <summary>Serializes an event to its stored form.</summary>
    /// <param name="roomEvent">The event.</param>
    /// <returns>The stored form.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roomEvent"/> is null.</exception>
    /// <exception cref="ArgumentException">The event's type is not one of the library's event types.</exception>
    public static SerializedRoomEvent Serialize(RoomEvent roomEvent)
    {
        var registration = Find(roomEvent);
        var data = JsonSerializer.SerializeToUtf8Bytes(roomEvent, registration.TypeInfo);
        return new SerializedRoomEvent(roomEvent.RoomId, roomEvent.Sequence, roomEvent.OccurredAt, registration.Name, registration.SchemaVersion, data);
    }

    /// <summary>Reads an event from its stored form, upgrading it when it was written with an older schema version.</summary>
    /// <param name="stored">The stored form.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stored"/> is null.</exception>
    /// <exception cref="RoomEventFormatException">
    /// The type name is unknown, the schema version is newer than this library knows, or the JSON does not match the type.
    /// </exception>
    public static RoomEvent Deserialize(SerializedRoomEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!ByName.TryGetValue(stored.Type, out var registration))
        {
            throw new RoomEventFormatException(stored, $"the event type '{stored.Type}' is unknown to this version of the library; update the package to read it.");
        }

        if (stored.SchemaVersion > registration.SchemaVersion || stored.SchemaVersion < 1)
        {
            throw new RoomEventFormatException(stored,
                $"it was written with schema version {stored.SchemaVersion} of {stored.Type}, and this version of the library reads versions 1 to {registration.SchemaVersion}; update the package to read it.");
        }

        try
        {
            RoomEvent? result;
            if (stored.SchemaVersion == registration.SchemaVersion)
            {
                result = (RoomEvent?)JsonSerializer.Deserialize(stored.Data.Span, registration.TypeInfo);
            }
            else
            {
                var node = JsonNode.Parse(stored.Data.Span)?.AsObject() ?? throw new JsonException("The event is JSON null.");
                for (var version = stored.SchemaVersion; version < registration.SchemaVersion; version++)
                {
                    node = Upgrades[(stored.Type, version)](node);
                }

                result = (RoomEvent?)node.Deserialize(registration.TypeInfo);
            }

            return result ?? throw new JsonException("The event is JSON null.");
        }
        catch (JsonException exception)
        {
            throw new RoomEventFormatException(stored, $"its JSON does not match {stored.Type}: {exception.Message}", exception);
        }
    }

    /// <summary>Serializes a snapshot to UTF-8 JSON, written with <see cref="RoomSnapshot.CurrentSchemaVersion"/>.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public static byte[] SerializeSnapshot(RoomSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return JsonSerializer.SerializeToUtf8Bytes(snapshot, RoomJsonContext.Default.RoomSnapshot);
    }

    /// <summary>Reads a snapshot, or returns <see langword="null"/> when it was written with a schema version this library does not read (the room is then folded from its events).</summary>
    /// <param name="schemaVersion">The schema version it was written with.</param>
    /// <param name="data">The UTF-8 JSON.</param>
    /// <returns>The snapshot, or <see langword="null"/>.</returns>
    public static RoomSnapshot? DeserializeSnapshot(int schemaVersion, ReadOnlySpan<byte> data)
    {
        if (schemaVersion != RoomSnapshot.CurrentSchemaVersion)
        {
            return null; // A snapshot is a cache: when its format is not this version's, the events are the truth.
        }

        try
        {
            return JsonSerializer.Deserialize(data, RoomJsonContext.Default.RoomSnapshot);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Registration Find(RoomEvent roomEvent)
    {
        ArgumentNullException.ThrowIfNull(roomEvent);
        return ByType.TryGetValue(roomEvent.GetType(), out var registration)
            ? registration
            : throw new ArgumentException($"{roomEvent.GetType().Name} is not a room event type of this library; rooms only record their own event types.", nameof(roomEvent));
    }

    private sealed record Registration(string Name, int SchemaVersion, JsonTypeInfo TypeInfo);
}
