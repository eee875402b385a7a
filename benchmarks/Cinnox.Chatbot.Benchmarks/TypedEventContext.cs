using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Benchmarks;

/// <summary>Source-generated metadata for <see cref="TypedEvent"/>.</summary>
[JsonSerializable(typeof(TypedEvent))]
public sealed partial class TypedEventContext : JsonSerializerContext;
