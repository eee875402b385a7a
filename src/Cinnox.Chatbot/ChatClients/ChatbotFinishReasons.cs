using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot;

/// <summary>
/// The finish reasons of a CINNOX bot seen as an <c>IChatClient</c>, besides <see cref="ChatFinishReason.Stop"/>
/// (a reply that completed with no action) and <see cref="ChatFinishReason.Length"/> (a reply cut at the event or
/// response size limit).
/// </summary>
public static class ChatbotFinishReasons
{
    /// <summary>Gets the reason of a completed <c>DIRECT_TRANSFER</c> reply: <c>cinnox.direct_transfer</c>.</summary>
    public static ChatFinishReason DirectTransfer { get; } = new("cinnox.direct_transfer");

    /// <summary>Gets the reason of a completed <c>CLOSE_ENQUIRY</c> reply: <c>cinnox.close_enquiry</c>.</summary>
    public static ChatFinishReason CloseEnquiry { get; } = new("cinnox.close_enquiry");

    /// <summary>Gets the reason of a reply whose connection broke after it started: <c>cinnox.interrupted</c>.</summary>
    public static ChatFinishReason Interrupted { get; } = new("cinnox.interrupted");

    /// <summary>Gets the reason of a reply that ran out of its total response time: <c>cinnox.timed_out</c>.</summary>
    public static ChatFinishReason TimedOut { get; } = new("cinnox.timed_out");

    /// <summary>Gets the finish reason of a reply.</summary>
    /// <param name="reply">The reply.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is null.</exception>
    public static ChatFinishReason Of(ChatbotReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Outcome switch
        {
            ChatbotOutcome.Completed when reply.Action == ChatbotAction.DirectTransfer => DirectTransfer,
            ChatbotOutcome.Completed when reply.Action == ChatbotAction.CloseEnquiry => CloseEnquiry,
            ChatbotOutcome.Completed => ChatFinishReason.Stop,
            ChatbotOutcome.EventTooLarge or ChatbotOutcome.ResponseTooLarge => ChatFinishReason.Length,
            ChatbotOutcome.TimedOut => TimedOut,
            _ => Interrupted,
        };
    }
}
