using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Json;

/// <summary>
/// Reads and writes a protocol hierarchy whose members are told apart by a numeric <c>type</c> property.
/// </summary>
/// <remarks>
/// Written by hand rather than with <c>[JsonPolymorphic]</c> because the protocol needs what the built-in
/// support does not do: unknown type numbers are kept whole as unknown nodes (docs/protocol.md#reading-replies) instead of failing,
/// <c>type</c> may appear anywhere in the object and may be sent as a numeric string, and an unknown node is
/// written back byte for byte. Known types are written by the source-generated metadata and read by
/// <see cref="ProtocolReader"/>.
/// </remarks>
internal abstract class TypeDiscriminatedJsonConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    /// <summary>Gets the raw object of an unknown node, or <see langword="null"/> for known nodes.</summary>
    protected abstract JsonElement? GetRaw(TBase value);

    /// <summary>Reads one node by hand (see <see cref="ProtocolReader"/> for why); it rejects anything but an object.</summary>
    protected abstract TBase ReadNode(ref Utf8JsonReader reader);

    public override TBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNode(ref reader);

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
    protected override ChatbotMessage ReadNode(ref Utf8JsonReader reader) => ProtocolReader.ReadMessage(ref reader, ProtocolReadBudget.CreateDefault());

    protected override JsonElement? GetRaw(ChatbotMessage value) => (value as ChatbotUnknownMessage)?.Raw;
}

internal sealed class AdvancedContainerJsonConverter : TypeDiscriminatedJsonConverter<AdvancedContainer>
{
    public override bool HandleNull => true;

    protected override AdvancedContainer ReadNode(ref Utf8JsonReader reader) => ProtocolReader.ReadContainer(ref reader, ProtocolReadBudget.CreateDefault());

    protected override JsonElement? GetRaw(AdvancedContainer value) => (value as UnknownContainer)?.Raw;
}

internal sealed class AdvancedItemJsonConverter : TypeDiscriminatedJsonConverter<AdvancedItem>
{
    public override bool HandleNull => true;

    protected override AdvancedItem ReadNode(ref Utf8JsonReader reader) => ProtocolReader.ReadItem(ref reader, ProtocolReadBudget.CreateDefault());

    protected override JsonElement? GetRaw(AdvancedItem value) => (value as UnknownItem)?.Raw;
}

internal sealed class ButtonActionJsonConverter : TypeDiscriminatedJsonConverter<ButtonAction>
{
    protected override ButtonAction ReadNode(ref Utf8JsonReader reader) => ProtocolReader.ReadAction(ref reader, ProtocolReadBudget.CreateDefault());

    protected override JsonElement? GetRaw(ButtonAction value) => (value as UnknownButtonAction)?.Raw;
}
