namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>One event of a recorded stream, as it sat on the wire.</summary>
/// <param name="Offset">Where it starts in the body.</param>
/// <param name="Length">Its bytes on the wire, up to and including the blank line that ends it.</param>
/// <param name="EventName">The <c>event:</c> name, <c>message</c> when absent.</param>
/// <param name="Data">The <c>data:</c> lines joined with <c>\n</c>, or null when it has none (a keep-alive comment).</param>
internal sealed record SseFrame(long Offset, int Length, string EventName, string? Data);
