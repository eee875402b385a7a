using System.Text;

namespace Cinnox.Chatbot;

/// <summary>Walks an advanced message: its plain text, and its buttons.</summary>
internal static class AdvancedMessageText
{
    public static string ToPlainText(ChatbotAdvancedMessage message)
    {
        var text = new StringBuilder();
        foreach (var container in message.AdvancedItems)
        {
            AppendContainer(text, container);
        }

        return text.ToString().TrimEnd('\n');
    }

    public static IEnumerable<ButtonItem> GetButtons(ChatbotAdvancedMessage message) =>
        message.AdvancedItems.SelectMany(GetItems).OfType<ButtonItem>();

    private static IEnumerable<AdvancedItem> GetItems(AdvancedContainer container) => container switch
    {
        BubbleContainer bubble => bubble.Items,
        QuickReplyContainer quickReply => quickReply.Items,
        ListContainer list => list.Items,
        TextContainer textContainer => textContainer.Items,
        CarouselContainer carousel => carousel.Items.SelectMany(GetItems),
        _ => [],
    };

    private static void AppendContainer(StringBuilder text, AdvancedContainer container)
    {
        foreach (var item in GetItems(container))
        {
            switch (item)
            {
                case TextItem textItem:
                    AppendLine(text, textItem.Title);
                    AppendLine(text, textItem.Text);
                    AppendLine(text, textItem.Footer);
                    break;
                case MediaItem media:
                    AppendLine(text, media.FileUrl);
                    break;
                case ButtonItem { Title: { } title } entry:
                    // A list entry: a title and a description rather than a button label.
                    AppendLine(text, title);
                    AppendLine(text, entry.Text);
                    break;
                case ButtonItem { Text: { } label } button:
                    AppendLine(text, button.Action is OpenUrlAction { Url: { } url } ? $"[{label}] {url}" : $"[{label}]");
                    break;
            }
        }
    }

    private static void AppendLine(StringBuilder text, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            text.Append(line).Append('\n');
        }
    }
}
