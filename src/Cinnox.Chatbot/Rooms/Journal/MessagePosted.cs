namespace Cinnox.Chatbot.Rooms;

/// <summary>A message was posted: text, file, SMS, system message, forwarded copy, or a chatbot reply (complete, or the start of a streamed one).</summary>
public sealed record MessagePosted : RoomEvent
{
    /// <summary>Gets the message as it was posted.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(SeparateJsonConverter<MessageData>))]
    public required MessageData Message { get; init; }
}
