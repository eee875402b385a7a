namespace Cinnox.Chatbot;

/// <summary>
/// The <see cref="ChatbotWarning.Code"/> values the client reports, and those an enquiry's
/// <see cref="Rooms.ChatbotConversation"/> adds. A JSON reply whose message breaks a protocol rule also carries the
/// rule's <see cref="ChatbotValidationCodes"/> value as a warning code.
/// </summary>
public static class ChatbotWarningCodes
{
    /// <summary>A streamed event's data is not a CINNOX message (bad JSON, no <c>message</c> object, a value of the wrong type); it was skipped and the stream went on.</summary>
    public const string MalformedEvent = "malformedEvent";

    /// <summary>A streamed event has a <c>streamType</c> this SDK does not know; it was treated as <c>delta</c>. Reported once per reply.</summary>
    public const string UnknownStreamType = "unknownStreamType";

    /// <summary>Events arrived after the event that completed the message; they were ignored. Reported once per reply.</summary>
    public const string EventAfterFinal = "eventAfterFinal";

    /// <summary>An advanced message (type 5) arrived inside a stream, where only text messages may stream; it was dropped.</summary>
    public const string AdvancedMessageInStream = "advancedMessageInStream";

    /// <summary>A message has a <c>type</c> this SDK does not know: dropped inside a stream, kept as <see cref="ChatbotUnknownMessage"/> in a JSON reply.</summary>
    public const string UnknownMessageType = "unknownMessageType";

    /// <summary>
    /// The reply is the <c>DIRECT_TRANSFER</c> keyword but the destination's <see cref="ChatbotDestination.TransferToLiveAgent"/>
    /// is off, so the enquiry stays with the chatbot (<see cref="ChatbotReply.Action"/> is <see cref="ChatbotAction.None"/>).
    /// </summary>
    public const string TransferNotEnabled = "transferNotEnabled";

    /// <summary>The reply's <c>Content-Type</c> is neither JSON nor <c>text/event-stream</c>; the body was read by its first byte instead.</summary>
    public const string UnexpectedContentType = "unexpectedContentType";

    /// <summary>
    /// The body ended abnormally (broken connection, time or size limit) after the message had completed; the
    /// reply is still <see cref="ChatbotOutcome.Completed"/>.
    /// </summary>
    public const string AbnormalEndAfterFinal = "abnormalEndAfterFinal";

    /// <summary>More warnings arose than a reply keeps; the rest were counted and dropped.</summary>
    public const string WarningsSuppressed = "warningsSuppressed";

    /// <summary>A <see cref="Rooms.ChatbotConversation"/> turn: the reply completed with nothing to show.</summary>
    public const string EmptyReply = "emptyReply";

    /// <summary>A <see cref="Rooms.ChatbotConversation"/> turn: the enquiry was closed before the reply could be shown, so it was dropped.</summary>
    public const string ReplyDropped = "replyDropped";

    /// <summary>A <see cref="Rooms.ChatbotConversation"/> turn: the reply's action could not be applied because the enquiry had moved on meanwhile.</summary>
    public const string ActionNotApplied = "actionNotApplied";

    /// <summary>
    /// The bot kept the stream open after the message was complete; the client stopped reading after
    /// <see cref="ChatbotLimits.FinalEventDrainTime"/> and closed the connection. The reply is complete.
    /// </summary>
    public const string StreamKeptOpen = "streamKeptOpen";
}
