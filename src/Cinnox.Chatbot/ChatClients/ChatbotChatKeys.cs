namespace Cinnox.Chatbot;

/// <summary>
/// The keys a CINNOX bot seen as an <c>IChatClient</c> (<c>IChatbotClient.AsIChatClient()</c>) reads from
/// <c>ChatOptions.AdditionalProperties</c>, and writes to the <c>AdditionalProperties</c> of its responses.
/// </summary>
/// <remarks>
/// <para>
/// Request keys: <see cref="InquiryId"/> (a <see cref="string"/>), <see cref="Context"/> (a
/// <see cref="ChatbotEnquiryContext"/>), one key per context field made of <see cref="ContextFieldPrefix"/> and the
/// field's wire name (such as <c>cinnox.visitorName</c>, a <see cref="string"/>, which wins over the same field of
/// <see cref="Context"/>), <see cref="QueryParams"/> (an <c>IEnumerable&lt;KeyValuePair&lt;string, string&gt;&gt;</c>),
/// and <see cref="ExternalChannel"/> (a <see cref="bool"/>). A value of another type is refused with an
/// <see cref="ArgumentException"/> naming the key.
/// </para>
/// <para>
/// Response keys, on the <c>ChatResponse</c> and on the last <c>ChatResponseUpdate</c> of a stream:
/// <see cref="Outcome"/> and <see cref="Action"/> (the names of <see cref="ChatbotOutcome"/> and
/// <see cref="ChatbotAction"/> values, as strings, so they survive a distributed cache), <see cref="StatusCode"/>
/// (an <see cref="int"/>, when a response arrived), <see cref="FailureReason"/> (a <see cref="string"/>, when the
/// reply did not complete), <see cref="Warnings"/> (the warnings' codes, a <see cref="string"/> array, when there
/// were any) and <see cref="Streamed"/> (a <see cref="bool"/>).
/// </para>
/// </remarks>
public static class ChatbotChatKeys
{
    /// <summary>The request key of the enquiry id, sent as <c>inquiryID</c>: <c>cinnox.inquiryID</c>.</summary>
    public const string InquiryId = "cinnox.inquiryID";

    /// <summary>The request key of the enquiry's context, a <see cref="ChatbotEnquiryContext"/>: <c>cinnox.context</c>.</summary>
    public const string Context = "cinnox.context";

    /// <summary>
    /// The prefix of the request keys of single context fields: <c>cinnox.</c>, followed by one of
    /// <see cref="ChatbotEnquiryContext.FieldNames"/>, such as <c>cinnox.visitorName</c>.
    /// </summary>
    public const string ContextFieldPrefix = "cinnox.";

    /// <summary>The request key of extra <c>queryParams</c>, added to the destination's: <c>cinnox.queryParams</c>.</summary>
    public const string QueryParams = "cinnox.queryParams";

    /// <summary>
    /// The request key that says the enquiry comes from an external omni-channel, so the request asks for JSON
    /// (<see cref="ChatbotSendOptions.IsExternalChannel"/>): <c>cinnox.externalChannel</c>.
    /// </summary>
    public const string ExternalChannel = "cinnox.externalChannel";

    /// <summary>The response key of how the reply ended, a <see cref="ChatbotOutcome"/> name: <c>cinnox.outcome</c>.</summary>
    public const string Outcome = "cinnox.outcome";

    /// <summary>The response key of the action the reply asks for, a <see cref="ChatbotAction"/> name: <c>cinnox.action</c>.</summary>
    public const string Action = "cinnox.action";

    /// <summary>The response key of the HTTP status code: <c>cinnox.statusCode</c>.</summary>
    public const string StatusCode = "cinnox.statusCode";

    /// <summary>The response key of the sentence saying why the reply did not complete: <c>cinnox.failureReason</c>.</summary>
    public const string FailureReason = "cinnox.failureReason";

    /// <summary>The response key of the codes of the reply's warnings: <c>cinnox.warnings</c>.</summary>
    public const string Warnings = "cinnox.warnings";

    /// <summary>The response key that says whether the reply arrived as a stream of events: <c>cinnox.streamed</c>.</summary>
    public const string Streamed = "cinnox.streamed";

    /// <summary>
    /// The update key set to <see langword="true"/> on a streamed update whose text replaces everything before it
    /// (a bot's final event that differs from its deltas, docs/protocol.md#streaming-replies): <c>cinnox.replacesText</c>.
    /// </summary>
    public const string ReplacesText = "cinnox.replacesText";
}
