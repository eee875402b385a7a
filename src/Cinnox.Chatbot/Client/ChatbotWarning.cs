namespace Cinnox.Chatbot;

/// <summary>
/// Something in a reply that was skipped, ignored or not understood, without ending the reply: a malformed
/// event, an unknown stream type, an advanced message inside a stream, an unknown node, an action keyword
/// the destination does not allow.
/// </summary>
/// <param name="Code">A stable identifier of the kind of warning.</param>
/// <param name="Message">A sentence that says what was found and what was done with it.</param>
public sealed record ChatbotWarning(string Code, string Message)
{
    /// <summary>Returns <c>code: message</c>.</summary>
    /// <returns>A one-line description of the warning.</returns>
    public override string ToString() => $"{Code}: {Message}";
}
