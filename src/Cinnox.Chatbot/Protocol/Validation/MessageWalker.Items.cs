namespace Cinnox.Chatbot;

/// <summary>The item rules (docs/protocol.md#advanced-message): text items, buttons, and a list's header and entries.</summary>
internal sealed partial class MessageWalker
{
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
            _path.Push("items", i);
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

            _path.Pop();
        }
    }
}
