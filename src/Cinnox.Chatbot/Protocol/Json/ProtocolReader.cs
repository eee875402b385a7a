using System.Text.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// Reads reply messages straight from a <see cref="Utf8JsonReader"/> into the model.
/// </summary>
/// <remarks>
/// Written by hand rather than through the source-generated metadata because reading is on the hot path of
/// every reply: re-entering the serializer for each polymorphic node cost about five times a plain
/// <see cref="JsonDocument"/> parse, while one forward pass over the tokens costs little more. The rules are the
/// tolerant reader's (docs/protocol.md#reading-replies): <c>type</c> may sit anywhere in an object and may be a numeric string, unknown
/// properties are kept in <c>AdditionalProperties</c>, unknown types are kept whole as unknown nodes, and a value of
/// the wrong JSON type is an error that names its path. Writing still goes through the source-generated metadata.
/// </remarks>
internal static class ProtocolReader
{
    public static ChatbotMessage ReadMessage(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        EnsureObject(ref reader, "the message");
        return JsonReading.PeekTypeNumber(reader) switch
        {
            1 => ReadTextMessage(ref reader, budget),
            5 => ReadAdvancedMessage(ref reader, budget),
            _ => new ChatbotUnknownMessage(budget.KeepUnknown(ref reader)),
        };
    }

    public static AdvancedContainer ReadContainer(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        EnsureObject(ref reader, "an advanced container");
        budget.CountContainer();
        var type = JsonReading.PeekTypeNumber(reader);
        switch (type)
        {
            case AdvancedContainer.BubbleType:
            case AdvancedContainer.QuickReplyType:
            case AdvancedContainer.ListType:
            case AdvancedContainer.TextType:
            case AdvancedContainer.CarouselType:
                break;
            default:
                return new UnknownContainer(budget.KeepUnknown(ref reader));
        }

        IList<AdvancedItem>? items = null;
        IList<AdvancedContainer>? bubbles = null;
        Dictionary<string, JsonElement>? extra = null;
        while (NextField(ref reader))
        {
            if (reader.ValueTextEquals("items"u8))
            {
                if (type == AdvancedContainer.CarouselType)
                {
                    bubbles = ReadProperty(ref reader, "items", ReadContainersDelegate, budget);
                }
                else
                {
                    items = ReadProperty(ref reader, "items", ReadItemsDelegate, budget);
                }
            }
            else
            {
                ReadExtra(ref reader, ref extra, budget);
            }
        }

        AdvancedContainer container = type switch
        {
            AdvancedContainer.BubbleType => new BubbleContainer { Items = items ?? [] },
            AdvancedContainer.QuickReplyType => new QuickReplyContainer { Items = items ?? [] },
            AdvancedContainer.ListType => new ListContainer { Items = items ?? [] },
            AdvancedContainer.TextType => new TextContainer { Items = items ?? [] },
            _ => new CarouselContainer { Items = bubbles ?? [] },
        };
        container.AdditionalProperties = extra;
        return container;
    }

    public static AdvancedItem ReadItem(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        EnsureObject(ref reader, "an advanced item");
        budget.CountItem();
        var type = JsonReading.PeekTypeNumber(reader);
        switch (type)
        {
            case AdvancedItem.TextType:
            case AdvancedItem.ImageType:
            case AdvancedItem.VideoType:
            case AdvancedItem.ButtonType:
            case AdvancedItem.AudioType:
                break;
            default:
                return new UnknownItem(budget.KeepUnknown(ref reader));
        }

        string? title = null, text = null, footer = null, fileUrl = null;
        ButtonAction? action = null;
        IList<AdvancedItem>? items = null;
        Dictionary<string, JsonElement>? extra = null;
        while (NextField(ref reader))
        {
            if (reader.ValueTextEquals("text"u8))
            {
                text = ReadString(ref reader, "text");
            }
            else if (reader.ValueTextEquals("title"u8) && type is AdvancedItem.TextType or AdvancedItem.ButtonType)
            {
                title = ReadString(ref reader, "title");
            }
            else if (reader.ValueTextEquals("footer"u8) && type == AdvancedItem.TextType)
            {
                footer = ReadString(ref reader, "footer");
            }
            else if (reader.ValueTextEquals("fileUrl"u8) && type is AdvancedItem.ImageType or AdvancedItem.VideoType or AdvancedItem.AudioType)
            {
                fileUrl = ReadString(ref reader, "fileUrl");
            }
            else if (reader.ValueTextEquals("action"u8) && type == AdvancedItem.ButtonType)
            {
                action = ReadProperty(ref reader, "action", ReadActionDelegate, budget);
            }
            else if (reader.ValueTextEquals("items"u8) && type == AdvancedItem.ButtonType)
            {
                items = ReadProperty(ref reader, "items", ReadItemsDelegate, budget);
            }
            else
            {
                ReadExtra(ref reader, ref extra, budget);
            }
        }

        AdvancedItem item = type switch
        {
            AdvancedItem.TextType => new TextItem(title, text, footer),
            AdvancedItem.ImageType => new ImageItem { FileUrl = fileUrl },
            AdvancedItem.VideoType => new VideoItem { FileUrl = fileUrl },
            AdvancedItem.AudioType => new AudioItem { FileUrl = fileUrl },
            _ => new ButtonItem { Title = title, Text = text, Action = action, Items = items },
        };
        item.AdditionalProperties = extra;
        return item;
    }

    public static ButtonAction ReadAction(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        EnsureObject(ref reader, "a button action");
        var type = JsonReading.PeekTypeNumber(reader);
        if (type is not (ButtonAction.PostbackType or ButtonAction.OpenUrlType))
        {
            return new UnknownButtonAction(budget.KeepUnknown(ref reader));
        }

        string? text = null, url = null;
        Dictionary<string, JsonElement>? extra = null;
        while (NextField(ref reader))
        {
            if (reader.ValueTextEquals("text"u8) && type == ButtonAction.PostbackType)
            {
                text = ReadString(ref reader, "text");
            }
            else if (reader.ValueTextEquals("url"u8) && type == ButtonAction.OpenUrlType)
            {
                url = ReadString(ref reader, "url");
            }
            else
            {
                ReadExtra(ref reader, ref extra, budget);
            }
        }

        ButtonAction action = type == ButtonAction.PostbackType ? new PostbackAction { Text = text } : new OpenUrlAction { Url = url };
        action.AdditionalProperties = extra;
        return action;
    }

    private static readonly ReadElement<AdvancedItem> ReadItemDelegate = ReadItem;
    private static readonly ReadElement<AdvancedContainer> ReadContainerDelegate = ReadContainer;
    private static readonly ReadElement<ButtonAction> ReadActionDelegate = ReadAction;
    private static readonly ReadElement<List<AdvancedItem>> ReadItemsDelegate = static (ref Utf8JsonReader reader, ProtocolReadBudget budget) => ReadList(ref reader, ReadItemDelegate, budget);
    private static readonly ReadElement<List<AdvancedContainer>> ReadContainersDelegate = static (ref Utf8JsonReader reader, ProtocolReadBudget budget) => ReadList(ref reader, ReadContainerDelegate, budget);

    private delegate T ReadElement<out T>(ref Utf8JsonReader reader, ProtocolReadBudget budget);

    private static ChatbotTextMessage ReadTextMessage(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        var message = new ChatbotTextMessage();
        Dictionary<string, JsonElement>? extra = null;
        while (NextField(ref reader))
        {
            if (reader.ValueTextEquals("text"u8))
            {
                message.Text = ReadString(ref reader, "text");
            }
            else if (reader.ValueTextEquals("streamType"u8))
            {
                var streamType = ReadString(ref reader, "streamType");
                message.StreamType = streamType is null ? null : new ChatbotStreamType(streamType);
            }
            else
            {
                ReadExtra(ref reader, ref extra, budget);
            }
        }

        message.AdditionalProperties = extra;
        return message;
    }

    private static ChatbotAdvancedMessage ReadAdvancedMessage(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        var message = new ChatbotAdvancedMessage();
        Dictionary<string, JsonElement>? extra = null;
        while (NextField(ref reader))
        {
            if (reader.ValueTextEquals("advanced"u8))
            {
                // A missing marker reads as present (tolerant reading, docs/protocol.md#reading-replies); a different one is kept for validation.
                message.Advanced = ReadString(ref reader, "advanced") ?? ChatbotAdvancedMessage.AdvancedMarker;
            }
            else if (reader.ValueTextEquals("advancedItems"u8))
            {
                message.AdvancedItems = ReadProperty(ref reader, "advancedItems", ReadContainersDelegate, budget) ?? [];
            }
            else
            {
                ReadExtra(ref reader, ref extra, budget);
            }
        }

        message.AdditionalProperties = extra;
        return message;
    }

    /// <summary>
    /// Reads the value of an object or list property: <see langword="null"/> for JSON <c>null</c> (the tolerant reader
    /// treats it as absent); an error below it is reported at the property's path.
    /// </summary>
    private static T? ReadProperty<T>(ref Utf8JsonReader reader, string name, ReadElement<T> read, ProtocolReadBudget budget)
        where T : class
    {
        reader.Read();
        try
        {
            return reader.TokenType == JsonTokenType.Null ? null : read(ref reader, budget);
        }
        catch (JsonException exception)
        {
            throw ProtocolReadException.At(exception, name);
        }
    }

    private static List<T> ReadList<T>(ref Utf8JsonReader reader, ReadElement<T> readElement, ProtocolReadBudget budget)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new ProtocolReadException($"must be an array but is {JsonReading.Describe(reader.TokenType)}");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(readElement(ref reader, budget));
            }
            catch (JsonException exception)
            {
                throw ProtocolReadException.At(exception, list.Count);
            }
        }

        return list;
    }

    private static void EnsureObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ProtocolReadException($"must be {what}, a JSON object, but is {JsonReading.Describe(reader.TokenType)}");
        }
    }

    /// <summary>
    /// Moves to the next property name of the current object other than <c>type</c>, which was read when the node was
    /// peeked; false at the object's end.
    /// </summary>
    private static bool NextField(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("type"u8))
            {
                return true;
            }

            reader.Read();
            reader.TrySkip();
        }

        return false;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException exception)
                {
                    // An escaped lone surrogate such as "\ud800" is well-formed JSON but not text.
                    throw ProtocolReadException.At(new ProtocolReadException($"is not valid text: {exception.Message}", exception), name);
                }

            case JsonTokenType.Null:
                return null;
            default:
                throw ProtocolReadException.At(new ProtocolReadException($"must be a string but is {JsonReading.Describe(reader.TokenType)}"), name);
        }
    }

    private static void ReadExtra(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extra, ProtocolReadBudget budget)
    {
        var name = reader.GetString()!;
        var nameBytes = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        reader.Read();
        (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = budget.KeepUnknown(ref reader, nameBytes);
    }
}
