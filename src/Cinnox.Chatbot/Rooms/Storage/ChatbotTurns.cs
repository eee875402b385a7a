using System.Text.Json;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>
/// Durable chatbot turns (docs/chat-rooms.md#rooms-that-last): a visitor message to an enquiry the chatbot handles is posted and its turn queued in
/// the same commit, so the turn exists exactly when the message does; a <see cref="ChatbotTurnWorker"/> on some node then
/// answers it.
/// </summary>
public static class ChatbotTurns
{
    /// <summary>The name of the work queue chatbot turns are queued in.</summary>
    public const string Queue = "chatbot-turn";

    /// <summary>
    /// Posts the visitor's message in an enquiry and, while the chatbot handles the enquiry
    /// (<see cref="EnquiryStatus.WithChatbot"/>), queues the chatbot's turn with it. Call it inside
    /// <see cref="RoomRepository.ExecuteAsync{T}(string, Func{RoomCommandContext, T}, string?, CancellationToken)"/>.
    /// </summary>
    /// <param name="context">The command's context; its room must be an <see cref="EnquiryRoom"/>.</param>
    /// <param name="text">The visitor's text.</param>
    /// <returns>The posted message; a message posted while the enquiry is with an agent is not queued for the chatbot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The command's room is not an enquiry.</exception>
    /// <exception cref="ChatRoomRuleException">The room refused the message, such as <see cref="ChatRoomRule.EnquiryClosed"/> or <see cref="ChatRoomRule.EmptyText"/>.</exception>
    public static MessageDelivery PostVisitorMessage(this RoomCommandContext context, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        if (context.Room is not EnquiryRoom enquiry)
        {
            throw new ArgumentException($"Room {context.Room.Id} is a {context.Room.Kind} room; chatbot turns belong to enquiry rooms.", nameof(context));
        }

        var delivery = enquiry.PostText(enquiry.Visitor.Id, text);
        if (enquiry.Status == EnquiryStatus.WithChatbot)
        {
            context.QueueWork(Queue, JsonSerializer.SerializeToUtf8Bytes(new ChatbotTurnPayload(delivery.Message.Id, text), ChatbotTurnJsonContext.Default.ChatbotTurnPayload));
        }

        return delivery;
    }

    internal static ChatbotTurnPayload? ReadPayload(ReadOnlyMemory<byte> payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload.Span, ChatbotTurnJsonContext.Default.ChatbotTurnPayload);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
