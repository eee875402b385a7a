namespace Cinnox.Chatbot;

/// <summary>How long the parts of a reply took, measured on the client's <see cref="TimeProvider"/> from the moment the request was sent.</summary>
/// <param name="TimeToFirstByte">Until the response headers arrived, or <see langword="null"/> when none did.</param>
/// <param name="TimeToFirstDelta">Until the first text arrived, or <see langword="null"/> when none did.</param>
/// <param name="Total">Until the reply ended, whatever its outcome.</param>
public readonly record struct ChatbotTimings(TimeSpan? TimeToFirstByte, TimeSpan? TimeToFirstDelta, TimeSpan Total);
