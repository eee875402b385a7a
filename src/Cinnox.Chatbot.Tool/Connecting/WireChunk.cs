namespace Cinnox.Chatbot.Tool.Connecting;

/// <summary>One read of a response body: its offset, its length and when it arrived (from the start of the request).</summary>
internal readonly record struct WireChunk(long Offset, int Length, TimeSpan At);
