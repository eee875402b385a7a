using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cinnox.Chatbot.Internal;

namespace Cinnox.Chatbot.Json;

/// <summary>
/// Reads and writes a protocol hierarchy whose members are told apart by a numeric <c>type</c> property.
/// </summary>
/// <remarks>
/// Written by hand rather than with <c>[JsonPolymorphic]</c> because the protocol needs what the built-in
/// support does not do: unknown type numbers are kept whole as unknown nodes (SPEC §3.3) instead of failing,
/// <c>type</c> may appear anywhere in the object and may be sent as a numeric string, and an unknown node is
/// written back byte for byte. Known types are still (de)serialized by the source-generated metadata.
/// </remarks>
internal abstract class TypeDiscriminatedJsonConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    /// <summary>Gets a short name for error messages, such as "advanced item".</summary>
    protected abstract string Noun { get; }

    /// <summary>Gets the CLR type for a known type number, or <see langword="null"/> when the number is unknown.</summary>
    protected abstract Type? GetKnownType(int type);

    /// <summary>Creates the unknown node that keeps the raw object.</summary>
    protected abstract TBase CreateUnknown(JsonElement raw);

    /// <summary>Gets the raw object of an unknown node, or <see langword="null"/> for known nodes.</summary>
    protected abstract JsonElement? GetRaw(TBase value);

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {Noun} to be a JSON object but found {JsonReading.Describe(reader.TokenType)}.");
        }

        var typeNumber = JsonReading.PeekTypeNumber(reader);
        var clrType = typeNumber is int known ? GetKnownType(known) : null;
        if (clrType is null)
        {
            return CreateUnknown(JsonElement.ParseValue(ref reader));
        }

        var typeInfo = options.GetTypeInfo(clrType);
        return (TBase)JsonSerializer.Deserialize(ref reader, typeInfo)!;
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        if (GetRaw(value) is JsonElement raw)
        {
            raw.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }
}

internal sealed class ChatbotMessageJsonConverter : TypeDiscriminatedJsonConverter<ChatbotMessage>
{
    protected override string Noun => "the message";

    protected override Type? GetKnownType(int type) => type switch
    {
        1 => typeof(ChatbotTextMessage),
        5 => typeof(ChatbotAdvancedMessage),
        _ => null,
    };

    protected override ChatbotMessage CreateUnknown(JsonElement raw) => new ChatbotUnknownMessage(raw);

    protected override JsonElement? GetRaw(ChatbotMessage value) => (value as ChatbotUnknownMessage)?.Raw;
}

internal sealed class AdvancedContainerJsonConverter : TypeDiscriminatedJsonConverter<AdvancedContainer>
{
    public override bool HandleNull => true;

    protected override string Noun => "an advanced container";

    protected override Type? GetKnownType(int type) => type switch
    {
        AdvancedContainer.BubbleType => typeof(BubbleContainer),
        AdvancedContainer.CarouselType => typeof(CarouselContainer),
        AdvancedContainer.QuickReplyType => typeof(QuickReplyContainer),
        AdvancedContainer.ListType => typeof(ListContainer),
        AdvancedContainer.TextType => typeof(TextContainer),
        _ => null,
    };

    protected override AdvancedContainer CreateUnknown(JsonElement raw) => new UnknownContainer(raw);

    protected override JsonElement? GetRaw(AdvancedContainer value) => (value as UnknownContainer)?.Raw;
}

internal sealed class AdvancedItemJsonConverter : TypeDiscriminatedJsonConverter<AdvancedItem>
{
    public override bool HandleNull => true;

    protected override string Noun => "an advanced item";

    protected override Type? GetKnownType(int type) => type switch
    {
        AdvancedItem.TextType => typeof(TextItem),
        AdvancedItem.ImageType => typeof(ImageItem),
        AdvancedItem.VideoType => typeof(VideoItem),
        AdvancedItem.ButtonType => typeof(ButtonItem),
        AdvancedItem.AudioType => typeof(AudioItem),
        _ => null,
    };

    protected override AdvancedItem CreateUnknown(JsonElement raw) => new UnknownItem(raw);

    protected override JsonElement? GetRaw(AdvancedItem value) => (value as UnknownItem)?.Raw;
}

internal sealed class ButtonActionJsonConverter : TypeDiscriminatedJsonConverter<ButtonAction>
{
    protected override string Noun => "a button action";

    protected override Type? GetKnownType(int type) => type switch
    {
        ButtonAction.PostbackType => typeof(PostbackAction),
        ButtonAction.OpenUrlType => typeof(OpenUrlAction),
        _ => null,
    };

    protected override ButtonAction CreateUnknown(JsonElement raw) => new UnknownButtonAction(raw);

    protected override JsonElement? GetRaw(ButtonAction value) => (value as UnknownButtonAction)?.Raw;
}
