using System.Globalization;
using System.Text;
using Cinnox.Chatbot;

namespace Cinnox.Chatbot.Tool.Sending;

/// <summary>Draws an advanced message in a terminal: bubbles, carousels, quick replies, lists and their buttons.</summary>
internal static class MessageRenderer
{
    public static string Render(ChatbotMessage message)
    {
        var text = new StringBuilder();
        switch (message)
        {
            case ChatbotAdvancedMessage advanced:
                foreach (var container in advanced.AdvancedItems)
                {
                    Container(text, container, indent: string.Empty);
                }

                break;
            case ChatbotUnknownMessage unknown:
                text.AppendLine(CultureInfo.InvariantCulture, $"[message of unknown type {unknown.TypeNumber?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}]");
                text.AppendLine(unknown.Raw.GetRawText());
                break;
        }

        return text.ToString();
    }

    private static void Container(StringBuilder text, AdvancedContainer? container, string indent)
    {
        switch (container)
        {
            case BubbleContainer bubble:
                text.AppendLine(indent + "┌─ bubble");
                Items(text, bubble.Items, indent + "│ ");
                text.AppendLine(indent + "└─");
                break;
            case CarouselContainer carousel:
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}carousel of {carousel.Items.Count}:");
                foreach (var card in carousel.Items)
                {
                    Container(text, card, indent + "  ");
                }

                break;
            case QuickReplyContainer quickReply:
                text.Append(indent + "quick replies:");
                foreach (var item in quickReply.Items)
                {
                    text.Append(' ').Append(item is ButtonItem button ? $"( {button.Text} )" : "(?)");
                }

                text.AppendLine();
                Actions(text, quickReply.Items, indent + "  ");
                break;
            case ListContainer list:
                text.AppendLine(indent + "┌─ list");
                for (var i = 0; i < list.Items.Count; i++)
                {
                    switch (list.Items[i])
                    {
                        case TextItem header when i == 0:
                            Item(text, header, indent + "│ ");
                            break;
                        case ButtonItem entry:
                            text.AppendLine(CultureInfo.InvariantCulture, $"{indent}│ • {entry.Title}{(entry.Text is null ? string.Empty : " — " + entry.Text)}{Describe(entry.Action)}");
                            foreach (var media in entry.Items ?? [])
                            {
                                Item(text, media, indent + "│     ");
                            }

                            break;
                        case var other:
                            Item(text, other, indent + "│ ");
                            break;
                    }
                }

                text.AppendLine(indent + "└─");
                break;
            case TextContainer textContainer:
                Items(text, textContainer.Items, indent);
                break;
            case UnknownContainer unknown:
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}[container of unknown type {unknown.TypeNumber}] {unknown.Raw.GetRawText()}");
                break;
        }
    }

    private static void Items(StringBuilder text, IEnumerable<AdvancedItem> items, string indent)
    {
        foreach (var item in items)
        {
            Item(text, item, indent);
        }
    }

    private static void Item(StringBuilder text, AdvancedItem? item, string indent)
    {
        switch (item)
        {
            case TextItem textItem:
                if (textItem.Title is { } title)
                {
                    text.AppendLine(indent + title.ToUpperInvariant());
                }

                if (textItem.Text is { } body)
                {
                    foreach (var line in body.Split('\n'))
                    {
                        text.AppendLine(indent + line);
                    }
                }

                if (textItem.Footer is { } footer)
                {
                    text.AppendLine(indent + "(" + footer + ")");
                }

                break;
            case ImageItem image:
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}[image] {image.FileUrl}");
                break;
            case VideoItem video:
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}[video] {video.FileUrl}");
                break;
            case AudioItem audio:
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}[audio] {audio.FileUrl}");
                break;
            case ButtonItem button:
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}[ {button.Text} ]{Describe(button.Action)}");
                break;
            case UnknownItem unknown:
                text.AppendLine(CultureInfo.InvariantCulture, $"{indent}[item of unknown type {unknown.TypeNumber}] {unknown.Raw.GetRawText()}");
                break;
        }
    }

    private static void Actions(StringBuilder text, IEnumerable<AdvancedItem> items, string indent)
    {
        foreach (var button in items.OfType<ButtonItem>())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{indent}( {button.Text} ){Describe(button.Action)}");
        }
    }

    private static string Describe(ButtonAction? action) => action switch
    {
        PostbackAction { Text: { } postback } when ChatbotKeywords.GetAction(postback) != ChatbotAction.None => $" → {postback} (action)",
        PostbackAction postback => $" → posts \"{postback.Text}\"",
        OpenUrlAction open => $" → opens {open.Url}",
        UnknownButtonAction unknown => $" → action of unknown type {unknown.TypeNumber}",
        _ => string.Empty,
    };
}
