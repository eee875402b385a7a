using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>
/// The System.Text.Json source-generated metadata for every protocol type, so that reading and writing
/// need no reflection and stay trim- and AOT-safe.
/// </summary>
/// <remarks>
/// Most code should use <see cref="ChatbotJson"/>, which adds error handling and the reply envelope. Use
/// this context to compose the protocol types into your own serialization, for example with
/// <see cref="System.Text.Json.JsonSerializerOptions.TypeInfoResolverChain"/>.
/// </remarks>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = ChatbotJson.MaxDepth)]
[JsonSerializable(typeof(ChatbotMessage))]
[JsonSerializable(typeof(ChatbotTextMessage))]
[JsonSerializable(typeof(ChatbotAdvancedMessage))]
[JsonSerializable(typeof(ChatbotUnknownMessage))]
[JsonSerializable(typeof(AdvancedContainer))]
[JsonSerializable(typeof(BubbleContainer))]
[JsonSerializable(typeof(CarouselContainer))]
[JsonSerializable(typeof(QuickReplyContainer))]
[JsonSerializable(typeof(ListContainer))]
[JsonSerializable(typeof(TextContainer))]
[JsonSerializable(typeof(UnknownContainer))]
[JsonSerializable(typeof(AdvancedItem))]
[JsonSerializable(typeof(TextItem))]
[JsonSerializable(typeof(ImageItem))]
[JsonSerializable(typeof(VideoItem))]
[JsonSerializable(typeof(AudioItem))]
[JsonSerializable(typeof(ButtonItem))]
[JsonSerializable(typeof(UnknownItem))]
[JsonSerializable(typeof(ButtonAction))]
[JsonSerializable(typeof(PostbackAction))]
[JsonSerializable(typeof(OpenUrlAction))]
[JsonSerializable(typeof(UnknownButtonAction))]
[JsonSerializable(typeof(ChatbotRequest))]
[SuppressMessage(
    "ApiDesign",
    "RS0041:Public members should not use oblivious types",
    Justification = "The System.Text.Json generator writes the JsonTypeInfo properties without nullable annotations; PublicAPI.Shipped.txt lists them with '~'.")]
public sealed partial class ChatbotJsonContext : JsonSerializerContext;
