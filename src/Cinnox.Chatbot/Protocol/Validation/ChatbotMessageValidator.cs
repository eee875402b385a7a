using System.Globalization;

namespace Cinnox.Chatbot;

/// <summary>
/// Checks a message against every rule of the protocol (SPEC §3) and reports each broken rule with its
/// JSON path, such as <c>advancedItems[0].items[2].text</c>.
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
        var walker = new Walker(new JsonPath());
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

    private static void Check(string path, Action<Walker> walk)
    {
        var walker = new Walker(new JsonPath(path));
        walk(walker);
        Throw(walker.Issues);
    }

    /// <summary>Walks a message, collecting issues. Paths are only turned into text when an issue is found.</summary>
    private sealed class Walker(JsonPath path)
    {
        private List<ChatbotValidationIssue>? _issues;

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

        public void BubbleItem(AdvancedItem? item)
        {
            switch (item)
            {
                case null:
                    Error(null, ChatbotValidationCodes.Required, "The item is null; remove it or give it a value.");
                    break;
                case TextItem text:
                    Text(text);
                    break;
                case MediaItem media:
                    Media(media);
                    break;
                case ButtonItem button:
                    Button(button);
                    break;
                case UnknownItem unknown:
                    Unknown("type", "item", unknown.TypeNumber, "9 (text), 10 (image), 11 (video), 12 (button) or 13 (audio)");
                    break;
            }
        }

        public void Text(TextItem item)
        {
            if (string.IsNullOrEmpty(item.Title) && string.IsNullOrEmpty(item.Text) && string.IsNullOrEmpty(item.Footer))
            {
                Error(null, ChatbotValidationCodes.Required, "A text item needs at least one of 'title', 'text' or 'footer'.");
            }

            MaxLength("title", item.Title, TextItem.MaxLength);
            MaxLength("text", item.Text, TextItem.MaxLength);
            MaxLength("footer", item.Footer, TextItem.MaxLength);
        }

        public void Button(ButtonItem item)
        {
            if (string.IsNullOrWhiteSpace(item.Text))
            {
                Error("text", ChatbotValidationCodes.Required, "A button needs display 'text' of 1 to 20 characters.");
            }
            else
            {
                MaxLength("text", item.Text, ButtonItem.MaxTextLength);
            }

            if (item.Items is { Count: > 0 })
            {
                Error("items", ChatbotValidationCodes.ItemNotAllowed, "Only list entries may hold an image; remove 'items' from this button.");
            }

            Action(item.Action);
        }

        public void ListHeader(TextItem item)
        {
            if (string.IsNullOrEmpty(item.Title) && string.IsNullOrEmpty(item.Text))
            {
                Error(null, ChatbotValidationCodes.ListShape, "A list's header text item needs a 'title' or 'text'.");
            }

            MaxLength("title", item.Title, TextItem.MaxLength);
            MaxLength("text", item.Text, TextItem.MaxLength);
            MaxLength("footer", item.Footer, TextItem.MaxLength);
        }

        public void ListEntry(ButtonItem item)
        {
            if (string.IsNullOrWhiteSpace(item.Title))
            {
                Error("title", ChatbotValidationCodes.Required, "A list entry needs a 'title'.");
            }

            MaxLength("title", item.Title, TextItem.MaxLength);
            MaxLength("text", item.Text, TextItem.MaxLength);
            Action(item.Action);

            if (item.Items is not { Count: > 0 } images)
            {
                return;
            }

            if (images.Count > 1)
            {
                Error("items", ChatbotValidationCodes.ListShape, $"A list entry holds at most one image but has {images.Count} items.");
            }

            for (var i = 0; i < images.Count; i++)
            {
                path.Push("items", i);
                switch (images[i])
                {
                    case ImageItem image:
                        Media(image);
                        break;
                    case UnknownItem unknown:
                        Unknown("type", "item", unknown.TypeNumber, "10 (image)");
                        break;
                    default:
                        Error(null, ChatbotValidationCodes.ListShape, $"A list entry's items may only be one image (type 10), not {Describe(images[i])}.");
                        break;
                }

                path.Pop();
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
                path.Push("advancedItems", i);
                Container(containers[i]);
                path.Pop();
            }
        }

        private void Container(AdvancedContainer? container)
        {
            switch (container)
            {
                case null:
                    Error(null, ChatbotValidationCodes.Required, "The container is null; remove it or give it a value.");
                    break;
                case BubbleContainer bubble:
                    Bubble(bubble);
                    break;
                case CarouselContainer carousel:
                    Carousel(carousel);
                    break;
                case QuickReplyContainer quickReply:
                    QuickReply(quickReply);
                    break;
                case ListContainer list:
                    List(list);
                    break;
                case TextContainer text:
                    TextBlock(text);
                    break;
                case UnknownContainer unknown:
                    Unknown("type", "container", unknown.TypeNumber, "1 (bubble), 2 (carousel), 3 (quick reply), 4 (list) or 9 (text)");
                    break;
            }
        }

        private void Bubble(BubbleContainer bubble)
        {
            if (!HasItems(bubble.Items, "A bubble"))
            {
                return;
            }

            var highest = -1;
            for (var i = 0; i < bubble.Items.Count; i++)
            {
                var item = bubble.Items[i];
                path.Push("items", i);
                var rank = Rank(item);
                if (rank >= 0 && rank < highest)
                {
                    Error(null, ChatbotValidationCodes.Order,
                        $"A {RankName(rank)} item cannot follow a {RankName(highest)} item: a bubble's items run Text → Media → Button.");
                }

                highest = Math.Max(highest, rank);
                BubbleItem(item);
                path.Pop();
            }
        }

        private void Carousel(CarouselContainer carousel)
        {
            if (!HasItems(carousel.Items, "A carousel"))
            {
                return;
            }

            for (var i = 0; i < carousel.Items.Count; i++)
            {
                path.Push("items", i);
                switch (carousel.Items[i])
                {
                    case BubbleContainer bubble:
                        Bubble(bubble);
                        break;
                    case UnknownContainer unknown:
                        Unknown("type", "container", unknown.TypeNumber, "1 (bubble)");
                        break;
                    case var other:
                        Error(null, ChatbotValidationCodes.ItemNotAllowed, $"A carousel holds bubbles (type 1) only, not {Describe(other)}.");
                        break;
                }

                path.Pop();
            }
        }

        private void QuickReply(QuickReplyContainer quickReply)
        {
            if (!HasItems(quickReply.Items, "A quick reply"))
            {
                return;
            }

            for (var i = 0; i < quickReply.Items.Count; i++)
            {
                path.Push("items", i);
                switch (quickReply.Items[i])
                {
                    case ButtonItem button:
                        Button(button);
                        break;
                    case UnknownItem unknown:
                        Unknown("type", "item", unknown.TypeNumber, "12 (button)");
                        break;
                    case var other:
                        Error(null, ChatbotValidationCodes.ItemNotAllowed, $"A quick reply holds buttons (type 12) only, not {Describe(other)}.");
                        break;
                }

                path.Pop();
            }
        }

        private void List(ListContainer list)
        {
            if (!HasItems(list.Items, "A list"))
            {
                return;
            }

            path.Push("items", 0);
            if (list.Items[0] is TextItem header)
            {
                ListHeader(header);
            }
            else
            {
                Error(null, ChatbotValidationCodes.ListShape, $"A list starts with one header text item (type 9), not {Describe(list.Items[0])}.");
            }

            path.Pop();

            if (list.Items.Count < 2)
            {
                Error("items", ChatbotValidationCodes.ListShape, "A list needs at least one entry (a button item, type 12) after its header.");
                return;
            }

            for (var i = 1; i < list.Items.Count; i++)
            {
                path.Push("items", i);
                switch (list.Items[i])
                {
                    case ButtonItem entry:
                        ListEntry(entry);
                        break;
                    case UnknownItem unknown:
                        Unknown("type", "item", unknown.TypeNumber, "12 (button)");
                        break;
                    case var other:
                        Error(null, ChatbotValidationCodes.ListShape, $"After its header, a list holds entries (button items, type 12) only, not {Describe(other)}.");
                        break;
                }

                path.Pop();
            }
        }

        private void TextBlock(TextContainer container)
        {
            if (!HasItems(container.Items, "A text container"))
            {
                return;
            }

            for (var i = 0; i < container.Items.Count; i++)
            {
                path.Push("items", i);
                switch (container.Items[i])
                {
                    case TextItem text:
                        Text(text);
                        break;
                    case UnknownItem unknown:
                        Unknown("type", "item", unknown.TypeNumber, "9 (text)");
                        break;
                    case var other:
                        Error(null, ChatbotValidationCodes.ItemNotAllowed, $"A text container holds text items (type 9) only, not {Describe(other)}.");
                        break;
                }

                path.Pop();
            }
        }

        private void Media(MediaItem media)
        {
            var kind = media switch
            {
                ImageItem => "image",
                VideoItem => "video",
                _ => "audio",
            };

            if (string.IsNullOrWhiteSpace(media.FileUrl))
            {
                Error("fileUrl", ChatbotValidationCodes.Required, $"A media item ({kind}) needs a 'fileUrl'.");
                return;
            }

            if (!UriRules.TryParseAbsoluteHttp(media.FileUrl, out var uri))
            {
                Error("fileUrl", ChatbotValidationCodes.InvalidUrl, $"'{media.FileUrl}' is not an absolute http or https URL.");
                return;
            }

            var extension = MediaFormats.GetExtension(uri!);
            if (extension.Length > 0 && !media.SupportedExtensions.Contains(extension))
            {
                Error("fileUrl", ChatbotValidationCodes.UnsupportedMediaFormat,
                    $"'.{extension}' is not a supported {kind} format; use one of {string.Join(", ", media.SupportedExtensions.Order(StringComparer.Ordinal))}.");
            }
        }

        private void Action(ButtonAction? action)
        {
            path.Push("action");
            switch (action)
            {
                case null:
                    Error(null, ChatbotValidationCodes.Required, "A button needs an 'action' (postback, type 1, or open URL, type 2).");
                    break;
                case PostbackAction postback:
                    if (string.IsNullOrWhiteSpace(postback.Text))
                    {
                        Error("text", ChatbotValidationCodes.Required, "A postback action needs the 'text' to post when pressed.");
                    }
                    else
                    {
                        MaxLength("text", postback.Text, TextItem.MaxLength);
                    }

                    break;
                case OpenUrlAction openUrl:
                    if (string.IsNullOrWhiteSpace(openUrl.Url))
                    {
                        Error("url", ChatbotValidationCodes.Required, "An open-URL action needs a 'url'.");
                    }
                    else if (!UriRules.TryParseAbsoluteHttp(openUrl.Url, out _))
                    {
                        Error("url", ChatbotValidationCodes.InvalidUrl, $"'{openUrl.Url}' is not an absolute http or https URL.");
                    }

                    break;
                case UnknownButtonAction unknown:
                    Unknown("type", "button action", unknown.TypeNumber, "1 (postback) or 2 (open URL)");
                    break;
            }

            path.Pop();
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
            Add(ChatbotValidationIssue.Warning(path.Describe(field), ChatbotValidationCodes.UnknownType,
                type is int number
                    ? $"Unknown {what} type {number}; it is kept as it is but not shown. Known types: {expected}."
                    : $"The {what} has no numeric 'type'; it is kept as it is but not shown. Known types: {expected}."));

        private void Error(string? field, string code, string message) =>
            Add(ChatbotValidationIssue.Error(path.Describe(field), code, message));

        private void Add(ChatbotValidationIssue issue) => (_issues ??= []).Add(issue);

        private static int Rank(AdvancedItem? item) => item switch
        {
            TextItem => 0,
            MediaItem => 1,
            ButtonItem => 2,
            _ => -1,
        };

        private static string RankName(int rank) => rank switch
        {
            0 => "text",
            1 => "media",
            _ => "button",
        };

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
}
