namespace Cinnox.Chatbot.Rooms;

/// <summary>The destination information of an enquiry room (docs/chat-rooms.md#rooms-and-their-information): the destination's name, type and endpoint.</summary>
/// <param name="Name">The destination's name, such as the chatbot's name.</param>
/// <param name="Type">What the enquiry was routed to.</param>
/// <param name="Endpoint">Where it lives: a chatbot's URL, a service group's or staff member's id; <see langword="null"/> when not shown.</param>
public sealed record DestinationInformation(string Name, DestinationType Type, string? Endpoint = null)
{
    /// <summary>Describes a chatbot destination: its name, <see cref="DestinationType.Chatbot"/>, and its URL without query string.</summary>
    /// <param name="destination">The chatbot's configuration.</param>
    /// <returns>The destination information.</returns>
    /// <remarks>
    /// The URL's query string is left out: a destination's URL may carry secrets in it, and the panel is shown to staff.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    public static DestinationInformation FromChatbot(ChatbotDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var endpoint = destination.Url is { IsAbsoluteUri: true } url
            ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : destination.Url?.ToString();
        return new DestinationInformation(destination.Name, DestinationType.Chatbot, endpoint);
    }
}
