namespace Cinnox.Chatbot;

/// <summary>
/// One broken rule: where it is, which rule, and what to do about it.
/// </summary>
/// <param name="Path">
/// Where the problem is. For messages, the JSON path below <c>message</c>, such as
/// <c>$.advancedItems[0].items[2].text</c>; for configuration, the property, such as <c>Headers[Accept]</c>.
/// </param>
/// <param name="Code">A stable identifier of the rule, one of <see cref="ChatbotValidationCodes"/>.</param>
/// <param name="Message">A sentence that names the field, the rule and the fix.</param>
/// <param name="Severity">Whether the issue makes the content invalid or only deserves a warning.</param>
public sealed record ChatbotValidationIssue(string Path, string Code, string Message, ChatbotValidationSeverity Severity)
{
    /// <summary>Creates an issue of <see cref="ChatbotValidationSeverity.Error"/> severity.</summary>
    /// <param name="path">Where the problem is.</param>
    /// <param name="code">The rule's identifier.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <returns>The new issue.</returns>
    public static ChatbotValidationIssue Error(string path, string code, string message) =>
        new(path, code, message, ChatbotValidationSeverity.Error);

    /// <summary>Creates an issue of <see cref="ChatbotValidationSeverity.Warning"/> severity.</summary>
    /// <param name="path">Where the problem is.</param>
    /// <param name="code">The rule's identifier.</param>
    /// <param name="message">What was found and what happens to it.</param>
    /// <returns>The new issue.</returns>
    public static ChatbotValidationIssue Warning(string path, string code, string message) =>
        new(path, code, message, ChatbotValidationSeverity.Warning);

    /// <summary>Returns <c>path: message</c>.</summary>
    /// <returns>A one-line description of the issue.</returns>
    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{Path}: {Message}";
}
