using System.Text.Json;
using System.Text.Json.Serialization;
using Cinnox.Chatbot.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// The body CINNOX POSTs to a chatbot (docs/protocol.md#request): the visitor's <see cref="Query"/>, the destination's
/// <see cref="QueryParams"/>, the enquiry's <see cref="InquiryId"/>, the <see cref="Action"/>, and optional
/// <see cref="Context"/> metadata.
/// </summary>
/// <remarks>
/// <para>
/// Written in the current format as
/// <c>{"query":"...","queryParams":{...},"inquiryID":"...","action":"input.unknown",...context}</c>, or in the
/// legacy format as <c>{"queryResult":{"queryText":"..."}}</c> (see <see cref="ChatbotJson.SerializeRequest"/>).
/// </para>
/// <para>
/// Reading accepts both formats: context fields at the top level or in a nested <c>"context"</c> object, and
/// unknown fields kept in <see cref="AdditionalProperties"/>. When both <c>query</c> and
/// <c>queryResult.queryText</c> are present, <c>query</c> wins.
/// </para>
/// </remarks>
[JsonConverter(typeof(ChatbotRequestJsonConverter))]
public sealed class ChatbotRequest
{
    /// <summary>The <see cref="Action"/> of a standard message: <c>input.unknown</c>.</summary>
    public const string StandardAction = "input.unknown";

    // Made when first asked for: most requests carry neither, and a request is read or written for every message.
    private Dictionary<string, string>? _queryParams;
    private Dictionary<string, JsonElement>? _additionalProperties;

    /// <summary>Initializes a new instance with an empty query.</summary>
    public ChatbotRequest()
    {
    }

    /// <summary>Initializes a new instance with the visitor's text.</summary>
    /// <param name="query">The visitor's message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public ChatbotRequest(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Query = query;
    }

    /// <summary>Gets or sets the visitor's message (<c>query</c>, or <c>queryResult.queryText</c> in the legacy format).</summary>
    public string Query { get; set; } = string.Empty;

    /// <summary>
    /// Gets the key/value parameters sent as <c>queryParams</c>. The client fills them from the destination's
    /// <see cref="ChatbotDestination.UrlParameters"/>; values set here win over the destination's.
    /// </summary>
    /// <remarks>When reading, a number or boolean value is kept as its JSON text.</remarks>
    public IDictionary<string, string> QueryParams => _queryParams ??= new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the enquiry id (<c>inquiryID</c>); present only when the message comes from an enquiry room.</summary>
    public string? InquiryId { get; set; }

    /// <summary>Gets or sets the action.</summary>
    /// <value><see cref="StandardAction"/> (<c>input.unknown</c>), always, for standard messages.</value>
    public string Action { get; set; } = StandardAction;

    /// <summary>Gets or sets the optional context metadata about the enquiry.</summary>
    public ChatbotEnquiryContext Context { get; set; } = new();

    /// <summary>
    /// Gets the fields of a received request that this SDK does not know, by name. They are never rejected,
    /// and are written back after the known fields in the current format.
    /// </summary>
    public IDictionary<string, JsonElement> AdditionalProperties => _additionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Gets or sets the format the request was read in.</summary>
    /// <value><see cref="ChatbotRequestFormat.Current"/>, or <see cref="ChatbotRequestFormat.Legacy"/> for a request read from the legacy format.</value>
    public ChatbotRequestFormat Format { get; set; } = ChatbotRequestFormat.Current;

    /// <summary>Gets the parameters without making the dictionary; <see langword="null"/> when none were ever added.</summary>
    internal Dictionary<string, string>? QueryParamsIfAny => _queryParams;

    /// <summary>Gets the unknown fields without making the dictionary; <see langword="null"/> when none were ever added.</summary>
    internal Dictionary<string, JsonElement>? AdditionalPropertiesIfAny => _additionalProperties;
}
