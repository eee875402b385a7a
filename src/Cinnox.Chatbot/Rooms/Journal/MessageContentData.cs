using System.Text.Json;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A message's content as stored data: one flat record for every kind (text, file, SMS, system message, chatbot reply,
/// recalled), so stored events stay readable when content types gain members. Convert with <see cref="From"/> and
/// <see cref="ToContent"/>.
/// </summary>
public sealed record MessageContentData
{
    /// <summary>Gets the kind of content; it says which of the other properties are used.</summary>
    public required RoomMessageKind Kind { get; init; }

    /// <summary>Gets the text of a text, SMS, system message or chatbot reply.</summary>
    public string? Text { get; init; }

    /// <summary>Gets a file's kind.</summary>
    public FileKind? FileKind { get; init; }

    /// <summary>Gets a file's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets a file's size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Gets a file's media type.</summary>
    public string? MediaType { get; init; }

    /// <summary>Gets a file's link.</summary>
    public Uri? Link { get; init; }

    /// <summary>Gets a video's or voice message's duration.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Gets an SMS's phone number, in E.164 form.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>Gets a system message's kind.</summary>
    public SystemMessageKind? SystemKind { get; init; }

    /// <summary>Gets a system message's fields.</summary>
    public IReadOnlyList<SystemMessageField>? Fields { get; init; }

    /// <summary>Gets the member whose action a system message reports.</summary>
    public string? SystemActorId { get; init; }

    /// <summary>Gets a chatbot reply's message in the protocol's JSON form (docs/protocol.md#reply-messages), when it has one.</summary>
    public JsonElement? ChatbotMessage { get; init; }

    /// <summary>Gets a chatbot reply's state.</summary>
    public ChatbotReplyState? ReplyState { get; init; }

    /// <summary>Gets how a chatbot reply's call ended.</summary>
    public ChatbotOutcome? Outcome { get; init; }

    /// <summary>Gets why a chatbot reply failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Gets a value indicating whether a chatbot reply arrived as a stream.</summary>
    public bool Streamed { get; init; }

    /// <summary>Converts a message's content to data.</summary>
    /// <param name="content">The content.</param>
    /// <returns>The data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> is of a kind this version does not know.</exception>
    public static MessageContentData From(RoomMessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content switch
        {
            TextMessageContent text => new() { Kind = RoomMessageKind.Text, Text = text.Text },
            FileMessageContent file => new()
            {
                Kind = RoomMessageKind.File, FileKind = file.FileKind, Name = file.Name, Size = file.Size, MediaType = file.MediaType, Link = file.Link, Duration = file.Duration,
            },
            SmsMessageContent sms => new() { Kind = RoomMessageKind.Sms, Text = sms.Text, PhoneNumber = sms.PhoneNumber },
            SystemMessageContent system => new()
            {
                Kind = RoomMessageKind.System, Text = system.Text, SystemKind = system.SystemKind, Fields = system.Fields.Count == 0 ? null : system.Fields, SystemActorId = system.ActorId,
            },
            ChatbotReplyContent reply => new()
            {
                Kind = RoomMessageKind.ChatbotReply,
                Text = reply.Text,
                ChatbotMessage = reply.Message is { } message ? JsonDocument.Parse(ChatbotJson.SerializeReply(message)).RootElement.Clone() : null,
                ReplyState = reply.State,
                Outcome = reply.Outcome,
                FailureReason = reply.FailureReason,
                Streamed = reply.Streamed,
            },
            RecalledMessageContent => new() { Kind = RoomMessageKind.Recalled },
            _ => throw new ArgumentException($"Message content of type {content.GetType().Name} cannot be stored.", nameof(content)),
        };
    }

    /// <summary>Converts the data back to a message's content.</summary>
    /// <returns>The content.</returns>
    /// <exception cref="InvalidOperationException">A property the kind needs is missing, or the kind is unknown.</exception>
    public RoomMessageContent ToContent() => Kind switch
    {
        RoomMessageKind.Text => new TextMessageContent(Require(Text, nameof(Text))),
        RoomMessageKind.File => new FileMessageContent(FileKind ?? Rooms.FileKind.Document, Require(Name, nameof(Name)), Size ?? 0, Require(MediaType, nameof(MediaType)), Require(Link, nameof(Link)))
        {
            Duration = Duration,
        },
        RoomMessageKind.Sms => new SmsMessageContent(Require(PhoneNumber, nameof(PhoneNumber)), Require(Text, nameof(Text))),
        RoomMessageKind.System => new SystemMessageContent(SystemKind ?? SystemMessageKind.Notice, Require(Text, nameof(Text)), Fields) { ActorId = SystemActorId },
        RoomMessageKind.ChatbotReply => new ChatbotReplyContent(
            Text ?? string.Empty,
            ChatbotMessage is { } json ? ChatbotJson.ParseReply(json.GetRawText()) : null,
            ReplyState ?? ChatbotReplyState.Completed)
        {
            Outcome = Outcome,
            FailureReason = FailureReason,
            Streamed = Streamed,
        },
        RoomMessageKind.Recalled => RecalledMessageContent.Instance,
        _ => throw new InvalidOperationException($"Stored message content has the unknown kind {Kind}."),
    };

    private T Require<T>(T? value, string name)
        where T : class =>
        value ?? throw new InvalidOperationException($"Stored {Kind} message content has no {name}; the stored event is damaged.");
}
