using System.Text.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// Reads reply messages straight from a <see cref="Utf8JsonReader"/> into the model.
/// </summary>
/// <remarks>
/// Written by hand rather than through the source-generated metadata because reading is on the hot path of
/// every reply: re-entering the serializer for each polymorphic node cost about five times a plain
/// <see cref="JsonDocument"/> parse, while one forward pass over the tokens costs little more. The rules are the
/// tolerant reader's (SPEC §3.3): <c>type</c> may sit anywhere in an object and may be a numeric string, unknown
/// properties are kept in <c>AdditionalProperties</c>, unknown types are kept whole as unknown nodes, and a value of
/// the wrong JSON type is an error that names its path. Writing still goes through the source-generated metadata.
/// </remarks>
internal static class ProtocolReader
{
    public static ChatbotMessage ReadMessage(ref Utf8JsonReader reader)
    {
        EnsureObject(ref reader, "the message");
        return JsonReading.PeekTypeNumber(reader) switch
        {
            1 => ReadTextMessage(ref reader),
            5 => ReadAdvancedMessage(ref reader),
            _ => new ChatbotUnknownMessage(JsonElement.ParseValue(ref reader)),
        };
    }

    public static AdvancedContainer ReadContainer(ref Utf8JsonReader reader)
    {
        EnsureObject(ref reader, "an advanced container");
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
                return new UnknownContainer(JsonElement.ParseValue(ref reader));
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
                    bubbles = ReadProperty(ref reader, "items", ReadContainersDelegate);
                }
                else
                {
                    items = ReadProperty(ref reader, "items", ReadItemsDelegate);
                }
            }
            else
            {
                ReadExtra(ref reader, ref extra);
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

    public static AdvancedItem ReadItem(ref Utf8JsonReader reader)
    {
        EnsureObject(ref reader, "an advanced item");
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
                return new UnknownItem(JsonElement.ParseValue(ref reader));
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
                action = ReadProperty(ref reader, "action", ReadActionDelegate);
            }
            else if (reader.ValueTextEquals("items"u8) && type == AdvancedItem.ButtonType)
            {
                items = ReadProperty(ref reader, "items", ReadItemsDelegate);
            }
            else
            {
                ReadExtra(ref reader, ref extra);
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

    public static ButtonAction ReadAction(ref Utf8JsonReader reader)
    {
        EnsureObject(ref reader, "a button action");
        var type = JsonReading.PeekTypeNumber(reader);
        if (type is not (ButtonAction.PostbackType or ButtonAction.OpenUrlType))
        {
            return new UnknownButtonAction(JsonElement.ParseValue(ref reader));
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
                ReadExtra(ref reader, ref extra);
            }
        }

        ButtonAction action = type == ButtonAction.PostbackType ? new PostbackAction { Text = text } : new OpenUrlAction { Url = url };
        action.AdditionalProperties = extra;
        return action;
    }

    private static readonly ReadElement<AdvancedItem> ReadItemDelegate = ReadItem;
    private static readonly ReadElement<AdvancedContainer> ReadContainerDelegate = ReadContainer;
    private static readonly ReadElement<ButtonAction> ReadActionDelegate = ReadAction;
    private static readonly ReadElement<List<AdvancedItem>> ReadItemsDelegate = static (ref Utf8JsonReader reader) => ReadList(ref reader, ReadItemDelegate);
    private static readonly ReadElement<List<AdvancedContainer>> ReadContainersDelegate = static (ref Utf8JsonReader reader) => ReadList(ref reader, ReadContainerDelegate);

    private delegate T ReadElement<out T>(ref Utf8JsonReader reader);

    private static ChatbotTextMessage ReadTextMessage(ref Utf8JsonReader reader)
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
                ReadExtra(ref reader, ref extra);
            }
        }

        message.AdditionalProperties = extra;
        return message;
    }

    private static ChatbotAdvancedMessage ReadAdvancedMessage(ref Utf8JsonReader reader)
    {
        var message = new ChatbotAdvancedMessage();
        Dictionary<string, JsonElement>? extra = null;
        while (NextField(ref reader))
        {
            if (reader.ValueTextEquals("advanced"u8))
            {
                // A missing marker reads as present (SPEC §3.3 tolerant reader); a different one is kept for validation.
                message.Advanced = ReadString(ref reader, "advanced") ?? ChatbotAdvancedMessage.AdvancedMarker;
            }
            else if (reader.ValueTextEquals("advancedItems"u8))
            {
                message.AdvancedItems = ReadProperty(ref reader, "advancedItems", ReadContainersDelegate) ?? [];
            }
            else
            {
                ReadExtra(ref reader, ref extra);
            }
        }

        message.AdditionalProperties = extra;
        return message;
    }

    /// <summary>
    /// Reads the value of an object or list property: <see langword="null"/> for JSON <c>null</c> (the tolerant reader
    /// treats it as absent); an error below it is reported at the property's path.
    /// </summary>
    private static T? ReadProperty<T>(ref Utf8JsonReader reader, string name, ReadElement<T> read)
        where T : class
    {
        reader.Read();
        try
        {
            return reader.TokenType == JsonTokenType.Null ? null : read(ref reader);
        }
        catch (JsonException exception)
        {
            throw ProtocolReadException.At(exception, name);
        }
    }

    private static List<T> ReadList<T>(ref Utf8JsonReader reader, ReadElement<T> readElement)
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
                list.Add(readElement(ref reader));
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

    private static void ReadExtra(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? extra)
    {
        var name = reader.GetString()!;
        reader.Read();
        (extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }
}

/// <summary>
/// A reading error that collects the JSON path of the value at fault as it travels up the reader's recursion.
/// </summary>
internal sealed class ProtocolReadException : JsonException
{
    private readonly List<string> _segments = [];
    private readonly string _problem;

    public ProtocolReadException(string problem)
        : base(problem) => _problem = problem;

    public ProtocolReadException(string problem, Exception inner)
        : base(problem, inner) => _problem = problem;

    public ProtocolReadException()
        : this("is not valid")
    {
    }

    /// <summary>Gets the path below the message, such as <c>advancedItems[0].items[2].text</c>.</summary>
    public string RelativePath
    {
        get
        {
            var text = new System.Text.StringBuilder();
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                if (_segments[i][0] != '[' && text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(_segments[i]);
            }

            return text.ToString();
        }
    }

    public override string Message => RelativePath.Length == 0 ? _problem : $"'{RelativePath}' {_problem}";

    public static ProtocolReadException At(JsonException exception, string property) => Wrap(exception).Prepend(property);

    public static ProtocolReadException At(JsonException exception, int index) =>
        Wrap(exception).Prepend($"[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]");

    private static ProtocolReadException Wrap(JsonException exception) =>
        exception as ProtocolReadException ?? new ProtocolReadException(
            $"is not valid JSON: {exception.Message}", exception);

    private ProtocolReadException Prepend(string segment)
    {
        _segments.Add(segment);
        return this;
    }
}
