using System.Globalization;

namespace Cinnox.Chatbot;

/// <summary>
/// Walks a message from the top, collecting every broken rule of the protocol (docs/protocol.md#reply-messages) with its path. The rules for each level
/// sit in their own part: containers (<c>MessageWalker.Containers.cs</c>), items, media and button actions.
/// Paths are only turned into text when an issue is found, so walking a valid message allocates nothing for them.
/// </summary>
internal sealed partial class MessageWalker
{
    private readonly JsonPath _path;
    private List<ChatbotValidationIssue>? _issues;

    /// <summary>Starts a walk whose paths begin at <paramref name="path"/>.</summary>
    public MessageWalker(JsonPath path) => _path = path;

    /// <summary>Gets the issues found so far, in document order.</summary>
    public IReadOnlyList<ChatbotValidationIssue> Issues => _issues ?? (IReadOnlyList<ChatbotValidationIssue>)[];

    public void Message(ChatbotMessage message)
    {
        switch (message)
        {
            case ChatbotTextMessage text:
                if (string.IsNullOrWhiteSpace(text.Text))
                {
                    Error("text", ChatbotValidationCodes.Required, "A text message needs non-empty 'text'.");
                }

                break;
            case ChatbotAdvancedMessage advanced:
                Advanced(advanced);
                break;
            case ChatbotUnknownMessage unknown:
                Unknown("type", "message", unknown.TypeNumber, "1 (text) or 5 (advanced)");
                break;
        }
    }

    private void Advanced(ChatbotAdvancedMessage message)
    {
        if (!string.Equals(message.Advanced, ChatbotAdvancedMessage.AdvancedMarker, StringComparison.Ordinal))
        {
            Error("advanced", ChatbotValidationCodes.InvalidAdvancedMarker,
                $"'advanced' must be \"{ChatbotAdvancedMessage.AdvancedMarker}\" but is {Quote(message.Advanced)}.");
        }

        if (message.AdvancedItems is not { Count: > 0 } containers)
        {
            Error("advancedItems", ChatbotValidationCodes.Empty, "An advanced message needs at least one container in 'advancedItems'.");
            return;
        }

        for (var i = 0; i < containers.Count; i++)
        {
            _path.Push("advancedItems", i);
            Container(containers[i]);
            _path.Pop();
        }
    }

    private bool HasItems<T>(IList<T>? items, string what)
    {
        if (items is { Count: > 0 })
        {
            return true;
        }

        Error("items", ChatbotValidationCodes.Empty, $"{what} needs at least one item in 'items'.");
        return false;
    }

    private void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Error(field, ChatbotValidationCodes.TooLong,
                $"'{field}' is {value.Length.ToString("N0", CultureInfo.InvariantCulture)} characters; the limit is {max.ToString("N0", CultureInfo.InvariantCulture)}.");
        }
    }

    private void Unknown(string field, string what, int? type, string expected) =>
        Add(ChatbotValidationIssue.Warning(_path.Describe(field), ChatbotValidationCodes.UnknownType,
            type is int number
                ? $"Unknown {what} type {number}; it is kept as it is but not shown. Known types: {expected}."
                : $"The {what} has no numeric 'type'; it is kept as it is but not shown. Known types: {expected}."));

    private void Error(string? field, string code, string message) =>
        Add(ChatbotValidationIssue.Error(_path.Describe(field), code, message));

    private void Add(ChatbotValidationIssue issue) => (_issues ??= []).Add(issue);

    private static string Describe(object? node) => node switch
    {
        null => "null",
        TextItem => "a text item (type 9)",
        ImageItem => "an image (type 10)",
        VideoItem => "a video (type 11)",
        AudioItem => "an audio file (type 13)",
        ButtonItem => "a button (type 12)",
        BubbleContainer => "a bubble (type 1)",
        CarouselContainer => "a carousel (type 2)",
        QuickReplyContainer => "a quick reply (type 3)",
        ListContainer => "a list (type 4)",
        TextContainer => "a text container (type 9)",
        _ => node.GetType().Name,
    };

    private static string Quote(string? value) => value is null ? "missing" : $"\"{value}\"";
}
