namespace Cinnox.Chatbot.Server;

/// <summary>
/// Options of the chatbot endpoints mapped with <c>MapCinnoxChatbot</c>: the limits every reply is kept within,
/// how streams are written, and the API key requests must carry.
/// </summary>
/// <remarks>
/// Register them with <c>services.AddCinnoxChatbotServer(options =&gt; ...)</c>; they are validated when the host
/// starts (and again when an endpoint is mapped), and every problem names the property.
/// </remarks>
public sealed class ChatbotServerOptions
{
    /// <summary>The default <see cref="MaxRequestBodyBytes"/>: 1 MB (1,048,576 bytes).</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The default <see cref="ApiKeyHeaderName"/>: <c>Authorization</c>.</summary>
    public const string DefaultApiKeyHeaderName = "Authorization";

    /// <summary>The default <see cref="ApiKeyScheme"/>: <c>Bearer</c>.</summary>
    public const string DefaultApiKeyScheme = "Bearer";

    /// <summary>
    /// The smallest <see cref="ChatbotLimits.MaxEventBytes"/> the toolkit accepts: 128 bytes, room for one event's
    /// framing and JSON envelope plus a few characters of text.
    /// </summary>
    public const int MinEventBytes = 128;

    /// <summary>The smallest <see cref="ChatbotLimits.MaxResponseBytes"/> the toolkit accepts: 512 bytes.</summary>
    public const int MinResponseBytes = 512;

    /// <summary>
    /// Gets or sets the limits every reply is kept within (docs/protocol.md#limits): the time budget, counted from the moment the
    /// request arrives; the largest streamed event, framing included; and the largest response body.
    /// </summary>
    /// <value>The platform's defaults: 120 s, 1 MB per event, 4 MB per response.</value>
    /// <remarks>
    /// The platform counts its time from when it sends the request, so a bot far from it may want a slightly
    /// shorter <see cref="ChatbotLimits.TotalResponseTime"/> to finish before the platform stops reading.
    /// </remarks>
    public ChatbotLimits Limits { get; set; } = new();

    /// <summary>Gets or sets the largest request body accepted; a larger one is answered 413.</summary>
    /// <value>1,048,576 bytes.</value>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>
    /// Gets or sets how often a comment line (<c>: keep-alive</c>) is written while a streamed reply waits for its
    /// next text, so that proxies do not close an idle connection; <see langword="null"/> writes none.
    /// </summary>
    /// <value><see langword="null"/> (off).</value>
    /// <remarks>Comments count towards the response limit. Waiting for the first text with keep-alive on starts the response.</remarks>
    public TimeSpan? KeepAliveInterval { get; set; }

    /// <summary>Gets or sets how the end of a streamed reply is marked.</summary>
    /// <value><see cref="ChatbotStreamCompletion.FinalEvent"/>.</value>
    public ChatbotStreamCompletion StreamCompletion { get; set; } = ChatbotStreamCompletion.FinalEvent;

    /// <summary>
    /// Gets or sets the API key every request must carry; <see langword="null"/> or empty lets every request in.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    /// <remarks>
    /// A request must carry <see cref="ApiKeyHeaderName"/> with the value <c>{ApiKeyScheme} {ApiKey}</c> (the
    /// scheme compared case-insensitively), or the key alone when <see cref="ApiKeyScheme"/> is
    /// <see langword="null"/>; otherwise it is answered 401. The key is compared in constant time and never logged.
    /// For richer schemes, use ASP.NET Core authentication and <c>RequireAuthorization()</c> on the endpoint.
    /// </remarks>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the header that carries the <see cref="ApiKey"/>.</summary>
    /// <value><c>Authorization</c>.</value>
    public string ApiKeyHeaderName { get; set; } = DefaultApiKeyHeaderName;

    /// <summary>
    /// Gets or sets the authentication scheme that precedes the <see cref="ApiKey"/> in the header, or
    /// <see langword="null"/> when the header holds the key alone (as with an <c>X-Api-Key</c> header).
    /// </summary>
    /// <value><c>Bearer</c>.</value>
    public string? ApiKeyScheme { get; set; } = DefaultApiKeyScheme;

    /// <summary>Requires every request to carry <c>Authorization: Bearer {apiKey}</c>.</summary>
    /// <param name="apiKey">The key; not empty.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is null or empty.</exception>
    public ChatbotServerOptions RequireBearerToken(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ApiKey = apiKey;
        ApiKeyHeaderName = DefaultApiKeyHeaderName;
        ApiKeyScheme = DefaultApiKeyScheme;
        return this;
    }

    /// <summary>Requires every request to carry a header whose whole value is the key, such as <c>X-Api-Key: {apiKey}</c>.</summary>
    /// <param name="headerName">The header's name.</param>
    /// <param name="apiKey">The key; not empty.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="headerName"/> or <paramref name="apiKey"/> is null or empty.</exception>
    public ChatbotServerOptions RequireHeader(string headerName, string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ApiKey = apiKey;
        ApiKeyHeaderName = headerName;
        ApiKeyScheme = null;
        return this;
    }

    /// <summary>Creates a copy of these options.</summary>
    /// <returns>A new instance with the same settings.</returns>
    public ChatbotServerOptions Clone() => new()
    {
        Limits = Limits?.Clone()!,
        MaxRequestBodyBytes = MaxRequestBodyBytes,
        KeepAliveInterval = KeepAliveInterval,
        StreamCompletion = StreamCompletion,
        ApiKey = ApiKey,
        ApiKeyHeaderName = ApiKeyHeaderName,
        ApiKeyScheme = ApiKeyScheme,
    };
}
