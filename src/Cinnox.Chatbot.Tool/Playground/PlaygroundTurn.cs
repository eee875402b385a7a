namespace Cinnox.Chatbot.Tool.Playground;

/// <summary>One visitor message as the page sends it to <c>POST /api/send</c>, with the page's settings.</summary>
internal sealed class PlaygroundTurn
{
    public string Query { get; set; } = string.Empty;

    /// <summary>Gets or sets whether the enquiry comes from an external omni-channel (which must get JSON).</summary>
    public bool ExternalChannel { get; set; }

    public bool Legacy { get; set; }

    public bool Stream { get; set; } = true;

    public string? InquiryId { get; set; }

    public List<KeyValuePair<string, string>> Context { get; } = [];

    public List<KeyValuePair<string, string>> Headers { get; } = [];
}
