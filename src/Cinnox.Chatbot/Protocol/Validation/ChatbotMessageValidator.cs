namespace Cinnox.Chatbot;

/// <summary>
/// Checks a message against every rule of the protocol (docs/protocol.md#reply-messages) and reports each broken rule with its
/// JSON path, such as <c>$.advancedItems[0].items[2].text</c>.
/// </summary>
/// <remarks>
/// <para>
/// Rules checked: a text message has text; an advanced message is marked <c>AdvancedMessage</c> and has
/// containers; a bubble's items run Text → Media → Button; a carousel holds bubbles; a quick reply holds
/// buttons; a list is one header text item then button entries, each with a title, an action and at most one
/// image; a text container holds text items; a text item has a title, text or footer, each at most 10,000
/// characters; a button's text is 1–20 characters and it has an action; a postback has text; URLs are
/// absolute http or https; media URLs name a supported format when their path has an extension.
/// </para>
/// <para>
/// Lengths count UTF-16 code units (what <see cref="string.Length"/> and JavaScript's <c>length</c> count),
/// which is never fewer than the characters a person sees, so a text valid here is valid however the
/// platform counts. A list entry's <c>text</c> is its description, so the 20-character button limit does not
/// apply to it (the protocol's own list example has a longer one).
/// </para>
/// <para>
/// Unknown message, container, item and action types are reported as <see cref="ChatbotValidationSeverity.Warning"/>:
/// a tolerant reader keeps them, but <see cref="EnsureValid"/> refuses to let them be written.
/// </para>
/// </remarks>
public static class ChatbotMessageValidator
{
    /// <summary>Checks a message and returns every issue found.</summary>
    /// <param name="message">The message to check.</param>
    /// <returns>The issues, errors and warnings, in document order; empty when the message is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static IReadOnlyList<ChatbotValidationIssue> Validate(ChatbotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var walker = new MessageWalker(new JsonPath());
        walker.Message(message);
        return walker.Issues;
    }

    /// <summary>Determines whether a message may be written by a strict writer: no errors and no unknown types.</summary>
    /// <param name="message">The message to check.</param>
    /// <returns><see langword="true"/> when the message is valid.</returns>
    public static bool IsValid(ChatbotMessage message) => !Validate(message).Any(IsBlocking);

    /// <summary>Throws when a message breaks any rule or holds an unknown type.</summary>
    /// <param name="message">The message to check.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ChatbotValidationException">The message is invalid; the exception lists every problem with its path.</exception>
    public static void EnsureValid(ChatbotMessage message) => Throw(Validate(message));

    internal static bool IsBlocking(ChatbotValidationIssue issue) =>
        issue.Severity == ChatbotValidationSeverity.Error || issue.Code == ChatbotValidationCodes.UnknownType;

    internal static void Throw(IReadOnlyList<ChatbotValidationIssue> issues)
    {
        if (issues.Any(IsBlocking))
        {
            throw new ChatbotValidationException([.. issues.Where(IsBlocking)]);
        }
    }

    /// <summary>Validates one item of a bubble at a known path, for the builders.</summary>
    internal static void EnsureValidBubbleItem(AdvancedItem item, string path) => Check(path, walker => walker.BubbleItem(item));

    /// <summary>Validates one button of a quick reply at a known path, for the builders.</summary>
    internal static void EnsureValidButton(ButtonItem item, string path) => Check(path, walker => walker.Button(item));

    /// <summary>Validates one list entry at a known path, for the builders.</summary>
    internal static void EnsureValidListEntry(ButtonItem item, string path) => Check(path, walker => walker.ListEntry(item));

    /// <summary>Validates a list header at a known path, for the builders.</summary>
    internal static void EnsureValidListHeader(TextItem item, string path) => Check(path, walker => walker.ListHeader(item));

    /// <summary>Validates a text item at a known path, for the builders.</summary>
    internal static void EnsureValidText(TextItem item, string path) => Check(path, walker => walker.Text(item));

    private static void Check(string path, Action<MessageWalker> walk)
    {
        var walker = new MessageWalker(new JsonPath(path));
        walk(walker);
        Throw(walker.Issues);
    }
}
