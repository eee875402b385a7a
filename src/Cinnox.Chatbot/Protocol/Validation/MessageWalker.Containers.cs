namespace Cinnox.Chatbot;

/// <summary>The container rules (docs/protocol.md#advanced-message): what each kind of container may hold, and in what order.</summary>
internal sealed partial class MessageWalker
{
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

        var order = new BubbleOrder();
        for (var i = 0; i < bubble.Items.Count; i++)
        {
            var item = bubble.Items[i];
            _path.Push("items", i);
            if (!order.TryAccept(item, out var problem))
            {
                Error(null, ChatbotValidationCodes.Order, problem);
            }

            BubbleItem(item);
            _path.Pop();
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
            _path.Push("items", i);
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

            _path.Pop();
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
            _path.Push("items", i);
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

            _path.Pop();
        }
    }

    private void List(ListContainer list)
    {
        if (!HasItems(list.Items, "A list"))
        {
            return;
        }

        _path.Push("items", 0);
        if (list.Items[0] is TextItem header)
        {
            ListHeader(header);
        }
        else
        {
            Error(null, ChatbotValidationCodes.ListShape, $"A list starts with one header text item (type 9), not {Describe(list.Items[0])}.");
        }

        _path.Pop();

        if (list.Items.Count < 2)
        {
            Error("items", ChatbotValidationCodes.ListShape, "A list needs at least one entry (a button item, type 12) after its header.");
            return;
        }

        for (var i = 1; i < list.Items.Count; i++)
        {
            _path.Push("items", i);
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

            _path.Pop();
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
            _path.Push("items", i);
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

            _path.Pop();
        }
    }
}
