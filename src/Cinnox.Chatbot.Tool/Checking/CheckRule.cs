namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>A rule the checker judges replies by.</summary>
/// <param name="Id">The stable identifier, such as <c>stream.framing</c> or <c>message.tooLong</c>.</param>
/// <param name="Severity">The severity of a breach.</param>
/// <param name="Summary">What a conforming bot does, in one sentence.</param>
/// <param name="Spec">The section of the specification the rule comes from.</param>
internal sealed record CheckRule(string Id, CheckSeverity Severity, string Summary, string Spec);
