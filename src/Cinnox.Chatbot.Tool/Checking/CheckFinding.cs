namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>A broken rule, seen on one probe.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Severity">How much it matters (the rule's own severity, or a warning for a milder case).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Path">The JSON path of the offending value, such as <c>$.advancedItems[0].items[2].text</c>, when there is one.</param>
/// <param name="Probe">The probe that showed it, such as <c>legacy format</c>.</param>
/// <param name="Reproduce">A <c>curl</c> command that sends the same request.</param>
internal sealed record CheckFinding(CheckRule Rule, CheckSeverity Severity, string Message, string? Path, string Probe, string? Reproduce);
