using System.Text.Json.Serialization;

namespace Cinnox.Chatbot;

/// <summary>An open-URL action (<c>type: 2</c>): pressing the button opens <see cref="Url"/>.</summary>
public sealed class OpenUrlAction : ButtonAction
{
    /// <summary>Initializes a new, empty instance.</summary>
    public OpenUrlAction()
        : base(OpenUrlType)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="url">The absolute http or https URL to open.</param>
#pragma warning disable CA1054 // Kept as text, like the protocol's own value.
    public OpenUrlAction(string url)
        : base(OpenUrlType) => Url = url;
#pragma warning restore CA1054

    /// <summary>Gets or sets the absolute http or https URL to open.</summary>
    /// <remarks>Kept as text so that a reply with a malformed URL can still be read; validation reports it.</remarks>
    [JsonPropertyName("url")]
#pragma warning disable CA1056 // See remarks.
    public string? Url { get; set; }
#pragma warning restore CA1056
}
