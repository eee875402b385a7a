namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// One exchange between the visitor and the chatbot of an enquiry: the visitor's message, the chatbot's reply
/// and what it did to the room.
/// </summary>
public sealed class ChatbotTurn
{
    /// <summary>Gets the visitor's message; <see langword="null"/> when a keyword button was pressed (nothing is posted).</summary>
    public RoomMessage? VisitorMessage { get; init; }

    /// <summary>Gets the chatbot's reply as the client returned it, or <see langword="null"/> when nothing was sent (see <see cref="SkippedBecause"/>).</summary>
    public ChatbotReply? Reply { get; init; }

    /// <summary>Gets the reply's message in the room in its final state, or <see langword="null"/> when the reply had nothing to show.</summary>
    public RoomMessage? ReplyMessage { get; init; }

    /// <summary>Gets the system message left when the reply failed before any text arrived, or <see langword="null"/>.</summary>
    public RoomMessage? NoticeMessage { get; init; }

    /// <summary>Gets the action that was performed: a transfer to a live agent, a close, or <see cref="ChatbotAction.None"/>.</summary>
    public ChatbotAction Action { get; init; }

    /// <summary>Gets what was skipped or refused along the way, such as a transfer the destination does not allow.</summary>
    public IReadOnlyList<ChatbotWarning> Warnings { get; init; } = [];

    /// <summary>
    /// Gets why the visitor's message was not sent to the chatbot (the enquiry no longer has the chatbot: it waits
    /// for or is with an agent, or is closed), or <see langword="null"/> when it was sent or a keyword button acted.
    /// </summary>
    public EnquiryStatus? SkippedBecause { get; init; }

    /// <summary>Gets the enquiry's status after the turn.</summary>
    public EnquiryStatus Status { get; init; }
}
