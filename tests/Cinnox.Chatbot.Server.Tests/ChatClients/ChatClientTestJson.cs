using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>Source-generated JSON for the requests the tests write.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ChatClientTestJson : JsonSerializerContext;
