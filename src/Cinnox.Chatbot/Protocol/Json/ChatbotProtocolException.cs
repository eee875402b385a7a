namespace Cinnox.Chatbot;

/// <summary>
/// Thrown when bytes that should hold a CINNOX chatbot request or reply cannot be read as one:
/// malformed or truncated JSON, a value of the wrong JSON type, nesting deeper than allowed, or a
/// missing required part such as the <c>message</c> object of a reply or the <c>query</c> of a request.
/// </summary>
/// <remarks>
/// This is the only exception the readers in <see cref="ChatbotJson"/> throw for bad input. Unknown
/// properties never cause it, and unknown message, container, item or action types are kept as unknown
/// nodes instead.
/// </remarks>
public sealed class ChatbotProtocolException : Exception
{
    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong with the input.</param>
    public ChatbotProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a default message.</summary>
    public ChatbotProtocolException()
        : this("The input is not a CINNOX chatbot document.")
    {
    }

    /// <summary>Initializes a new instance with a message and the cause.</summary>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="innerException">The underlying error, usually a <see cref="System.Text.Json.JsonException"/>.</param>
    public ChatbotProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with a message, the JSON path and the position of the problem.</summary>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="path">The JSON path of the problem, such as <c>$.message.advancedItems[0]</c>, when known.</param>
    /// <param name="lineNumber">The zero-based line of the problem, when known.</param>
    /// <param name="bytePositionInLine">The zero-based byte position within the line, when known.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ChatbotProtocolException(string message, string? path, long? lineNumber, long? bytePositionInLine, Exception? innerException)
        : base(message, innerException)
    {
        Path = path;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Gets the JSON path of the problem, such as <c>$.message.advancedItems[0].items</c>, when known.</summary>
    public string? Path { get; }

    /// <summary>Gets the zero-based line number of the problem, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>Gets the zero-based byte position of the problem within its line, when known.</summary>
    public long? BytePositionInLine { get; }
}
