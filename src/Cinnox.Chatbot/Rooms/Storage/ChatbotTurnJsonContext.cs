using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>Source-generated JSON metadata for queued chatbot turns (no reflection, trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChatbotTurnPayload))]
internal sealed partial class ChatbotTurnJsonContext : JsonSerializerContext;
