using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// Reads and writes CINNOX chatbot requests and replies (docs/protocol.md).
/// </summary>
/// <remarks>
/// <para>
/// Readers are tolerant: unknown properties are ignored (and kept on the model), unknown message, container,
/// item and action types become unknown nodes. Anything that cannot be read — malformed or truncated JSON,
/// a value of the wrong JSON type, nesting deeper than <see cref="MaxDepth"/>, a missing <c>message</c> or
/// <c>query</c> — throws <see cref="ChatbotProtocolException"/> and nothing else.
/// </para>
/// <para>
/// Writers emit UTF-8 JSON without escaping non-ASCII text of the Basic Multilingual Plane (accented letters,
/// CJK), so sizes on the wire stay close to the text; characters outside it, such as emoji, are written as
/// <c>\uXXXX</c> surrogate escapes, which every JSON reader accepts. Writers do not validate; check a message
/// first with <see cref="ChatbotMessageValidator"/> or compose it with the builders.
/// </para>
/// </remarks>
public static class ChatbotJson
{
    private static readonly string ReplyMessagePath = JsonPath.Property(JsonPath.Root, "message");

    /// <summary>
    /// The deepest nesting of JSON objects and arrays the readers accept by default: 64 (a reply's cap is
    /// <see cref="ChatbotLimits.MaxJsonDepth"/>).
    /// </summary>
    public const int MaxDepth = 64;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // A request buffer that grew past this is let go rather than kept by its thread.
    private const int MaxKeptRequestBuffer = 16 * 1024;

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_requestWriter;

    private static JsonReaderOptions ReaderOptions => ProtocolReadBudget.DefaultReaderOptions;

    /// <summary>
    /// Gets the source-generated context used by the readers and writers, configured to write non-ASCII text
    /// of the Basic Multilingual Plane unescaped. Its options can be passed to <see cref="JsonSerializer"/>.
    /// </summary>
    public static ChatbotJsonContext Context { get; } = new(new JsonSerializerOptions(ChatbotJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Reads a reply body <c>{"message": {...}}</c>.</summary>
    /// <param name="utf8Json">The body as UTF-8 bytes.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ChatbotProtocolException">The body is not a CINNOX reply.</exception>
    /// <remarks>What the reader builds is capped by the default <see cref="ChatbotLimits"/> (docs/protocol.md#hostile-bots).</remarks>
    public static ChatbotMessage ParseReply(ReadOnlySpan<byte> utf8Json)
    {
        EnsureNotBlank(utf8Json, "reply body", "{\"message\": {...}}");
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return ReadReply(ref reader, ProtocolReadBudget.CreateDefault());
    }

    /// <summary>
    /// Reads a reply body <c>{"message": {...}}</c>, building no more than the read caps of <paramref name="limits"/>
    /// allow (<see cref="ChatbotLimits.MaxAdvancedContainers"/>, <see cref="ChatbotLimits.MaxAdvancedItems"/>,
    /// <see cref="ChatbotLimits.MaxJsonDepth"/>, <see cref="ChatbotLimits.MaxUnknownPayloadBytes"/>), checked while reading.
    /// </summary>
    /// <param name="utf8Json">The body as UTF-8 bytes.</param>
    /// <param name="limits">The caps.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    /// <exception cref="ChatbotProtocolException">The body is not a CINNOX reply, or it crosses a cap (the message names it).</exception>
    public static ChatbotMessage ParseReply(ReadOnlySpan<byte> utf8Json, ChatbotLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        EnsureNotBlank(utf8Json, "reply body", "{\"message\": {...}}");
        var reader = new Utf8JsonReader(utf8Json, ProtocolReadBudget.ReaderOptions(limits));
        return ReadReply(ref reader, new ProtocolReadBudget(limits));
    }

    /// <summary>Reads a reply body <c>{"message": {...}}</c>.</summary>
    /// <param name="utf8Json">The body as UTF-8 bytes, possibly in several segments.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ChatbotProtocolException">The body is not a CINNOX reply.</exception>
    public static ChatbotMessage ParseReply(ReadOnlySequence<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        return ReadReply(ref reader, ProtocolReadBudget.CreateDefault());
    }

    /// <summary>Reads a reply body <c>{"message": {...}}</c>.</summary>
    /// <param name="json">The body as text.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ChatbotProtocolException">The body is not a CINNOX reply.</exception>
    public static ChatbotMessage ParseReply(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseReply(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a message object on its own (the value of a reply's <c>message</c>).</summary>
    /// <param name="utf8Json">The message object as UTF-8 bytes.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ChatbotProtocolException">The bytes are not a CINNOX message.</exception>
    public static ChatbotMessage ParseMessage(ReadOnlySpan<byte> utf8Json)
    {
        EnsureNotBlank(utf8Json, "message", "a JSON object with a numeric 'type'");
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw new ChatbotProtocolException("The message is empty; expected a JSON object.");
            }

            var message = ReadMessageValue(ref reader, ProtocolReadBudget.CreateDefault());
            EnsureEnd(ref reader);
            return message;
        }
        catch (JsonException exception)
        {
            throw Wrap(exception, "message", JsonPath.Root);
        }
    }

    /// <summary>Writes a reply body <c>{"message": {...}}</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="message"/> is null.</exception>
    public static void WriteReply(Utf8JsonWriter writer, ChatbotMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        writer.WriteStartObject();
        writer.WritePropertyName("message"u8);
        WriteMessage(writer, message);
        writer.WriteEndObject();
    }

    /// <summary>Writes a message object on its own.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="message">The message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="message"/> is null.</exception>
    public static void WriteMessage(Utf8JsonWriter writer, ChatbotMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        JsonSerializer.Serialize(writer, message, Context.ChatbotMessage);
    }

    /// <summary>Serializes a reply body <c>{"message": {...}}</c> to UTF-8 bytes.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static byte[] SerializeReply(ChatbotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteReply(writer, message);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes a reply body <c>{"message": {...}}</c> to a string.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The JSON text.</returns>
    public static string SerializeReplyToString(ChatbotMessage message) => Encoding.UTF8.GetString(SerializeReply(message));

    /// <summary>Reads a request body in either format (docs/protocol.md#request).</summary>
    /// <param name="utf8Json">The body as UTF-8 bytes.</param>
    /// <returns>The request; <see cref="ChatbotRequest.Format"/> tells which format it came in.</returns>
    /// <exception cref="ChatbotProtocolException">The body is not a CINNOX request, for example it has no string query.</exception>
    public static ChatbotRequest ParseRequest(ReadOnlySpan<byte> utf8Json)
    {
        EnsureNotBlank(utf8Json, "request body", "a JSON object with a string 'query'");
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw new ChatbotProtocolException("The request body is empty; expected a JSON object.");
            }

            var request = JsonSerializer.Deserialize(ref reader, Context.ChatbotRequest)
                ?? throw new ChatbotProtocolException("The request body is null; expected a JSON object.");
            EnsureEnd(ref reader);
            return request;
        }
        catch (JsonException exception)
        {
            throw Wrap(exception, "request", JsonPath.Root);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new ChatbotProtocolException($"The request body cannot be read: {exception.Message}", exception);
        }
    }

    /// <summary>Reads a request body in either format (docs/protocol.md#request).</summary>
    /// <param name="json">The body as text.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ChatbotProtocolException">The body is not a CINNOX request.</exception>
    public static ChatbotRequest ParseRequest(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseRequest(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes a request body.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="request">The request.</param>
    /// <param name="format">The format: the current one with every field, or the legacy <c>{"queryResult":{"queryText":"..."}}</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="request"/> is null.</exception>
    public static void WriteRequest(Utf8JsonWriter writer, ChatbotRequest request, ChatbotRequestFormat format = ChatbotRequestFormat.Current)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(request);
        if (format == ChatbotRequestFormat.Legacy)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("queryResult"u8);
            writer.WriteString("queryText"u8, request.Query);
            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        JsonSerializer.Serialize(writer, request, Context.ChatbotRequest);
    }

    /// <summary>Serializes a request body to UTF-8 bytes.</summary>
    /// <param name="request">The request.</param>
    /// <param name="format">The format.</param>
    /// <returns>The UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static byte[] SerializeRequest(ChatbotRequest request, ChatbotRequestFormat format = ChatbotRequestFormat.Current)
    {
        ArgumentNullException.ThrowIfNull(request);

        // A request is written for every message: the buffer and the writer are kept per thread and reused, and only
        // the bytes themselves are a new array.
        var (buffer, writer) = t_requestWriter ??= NewRequestWriter();
        try
        {
            WriteRequest(writer, request, format);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity > MaxKeptRequestBuffer)
            {
                t_requestWriter = null;
            }
            else
            {
                buffer.ResetWrittenCount();
            }
        }
    }

    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer) NewRequestWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        return (buffer, new Utf8JsonWriter(buffer, WriterOptions));
    }

    /// <summary>Creates a writer with the options the SDK writes with (non-ASCII text of the Basic Multilingual Plane unescaped).</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <returns>The writer; dispose or flush it when done.</returns>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, WriterOptions);

    /// <summary>Creates a writer with the options the SDK writes with (non-ASCII text of the Basic Multilingual Plane unescaped).</summary>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <returns>The writer; dispose or flush it when done.</returns>
    public static Utf8JsonWriter CreateWriter(Stream output) => new(output, WriterOptions);

    private static ChatbotMessage ReadReply(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        try
        {
            if (!reader.Read())
            {
                throw new ChatbotProtocolException("The reply body is empty; expected {\"message\": {...}}.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ChatbotProtocolException(
                    $"The reply body is {JsonReading.Describe(reader.TokenType)}; expected a JSON object {{\"message\": {{...}}}}.");
            }

            ChatbotMessage? message = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = reader.ValueTextEquals("message"u8);
                reader.Read();
                if (isMessage)
                {
                    message = ReadMessageValue(ref reader, budget);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new JsonException("The reply body is not a complete JSON object.");
            }

            EnsureEnd(ref reader);
            return message ?? throw new ChatbotProtocolException("The reply has no 'message' object; expected {\"message\": {...}}.", ReplyMessagePath, null, null, null);
        }
        catch (JsonException exception)
        {
            throw Wrap(exception, "reply", ReplyMessagePath);
        }
        catch (InvalidOperationException exception)
        {
            throw new ChatbotProtocolException($"The reply cannot be read: {exception.Message}", exception);
        }
    }

    private static ChatbotMessage ReadMessageValue(ref Utf8JsonReader reader, ProtocolReadBudget budget)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ChatbotProtocolException(
                $"'message' is {JsonReading.Describe(reader.TokenType)}; expected a JSON object with a numeric 'type'.", ReplyMessagePath, null, null, null);
        }

        return ProtocolReader.ReadMessage(ref reader, budget);
    }

    private static void EnsureNotBlank(ReadOnlySpan<byte> utf8Json, string what, string expected)
    {
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new ChatbotProtocolException($"The {what} is empty; expected {expected}.");
        }
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        // Utf8JsonReader rejects trailing content itself once it is asked for more (it allows only white space).
        if (reader.Read())
        {
            throw new JsonException("Unexpected content after the end of the JSON document.");
        }
    }

    private static ChatbotProtocolException Wrap(JsonException exception, string what, string root)
    {
        if (exception is ProtocolReadException { IsLimit: true } limit)
        {
            return new ChatbotProtocolException($"The {what} is more than the reader builds: {limit.Describe(root)}.", limit.PathFrom(root), null, null, exception);
        }

        // Errors found by the model reader carry the path below the node read; the reader's own errors
        // (malformed JSON, too deep) carry System.Text.Json's path, a line and a byte position instead.
        var located = exception is ProtocolReadException { IsLocated: true } read ? read : null;
        var inner = exception is ProtocolReadException { IsLocated: false, InnerException: JsonException cause } ? cause : exception;
        var path = located?.PathFrom(root) ?? inner.Path;
        var problem = located?.Describe(root) ?? exception.Message;
        var line = inner.LineNumber;
        var position = inner.BytePositionInLine;
        var where = line is { } number ? $" (line {number + 1}, byte {position + 1})" : string.Empty;
        return new ChatbotProtocolException($"The {what} is not valid CINNOX JSON{where}: {problem}", path, line, position, exception);
    }
}
