namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>A rule the checker judges replies by.</summary>
/// <param name="Id">The stable identifier, such as <c>stream.framing</c> or <c>message.tooLong</c>.</param>
/// <param name="Severity">The severity of a breach.</param>
/// <param name="Summary">What a conforming bot does, in one sentence.</param>
/// <param name="Reference">Where the protocol documents the rule, such as <c>docs/protocol.md#streaming-replies</c>.</param>
internal sealed record CheckRule(string Id, CheckSeverity Severity, string Summary, string Reference);
