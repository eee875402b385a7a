namespace Cinnox.Chatbot.Server;

/// <summary>What the toolkit measured about one request, filled in as it is answered and recorded once at its end.</summary>
internal sealed class ChatbotServerRequestRecord
{
    public const string NoReplyMode = "none";
    public const string JsonMode = "json";
    public const string EventStreamMode = "event_stream";
    public const string CollectedStreamMode = "collected_stream";

    /// <summary>Gets or sets how the request ended, a value of the table in the package README.</summary>
    public string Outcome { get; set; } = "completed";

    /// <summary>Gets or sets how the reply was written: <c>json</c>, <c>event_stream</c>, <c>collected_stream</c> or <c>none</c>.</summary>
    public string Mode { get; set; } = NoReplyMode;

    /// <summary>Gets or sets the guard that ended or refused the reply, if one did.</summary>
    public string? Guard { get; set; }

    /// <summary>Gets or sets the body bytes written.</summary>
    public long Bytes { get; set; }

    /// <summary>Gets or sets the events written.</summary>
    public int Events { get; set; }

    /// <summary>Gets or sets the time from the request's arrival to the first event.</summary>
    public TimeSpan? TimeToFirstEvent { get; set; }

    /// <summary>Gets or sets the enquiry id of the request, once read.</summary>
    public string? InquiryId { get; set; }

    /// <summary>Gets a value indicating whether the request ended in a way the bot's owner should look at.</summary>
    public bool IsFailure => Outcome is not ("completed" or "rejected" or "unauthenticated" or "disconnected");

    /// <summary>Sets the outcome, and the guard behind it when one is.</summary>
    public void End(string outcome, string? guard = null)
    {
        Outcome = outcome;
        Guard = guard;
    }
}
