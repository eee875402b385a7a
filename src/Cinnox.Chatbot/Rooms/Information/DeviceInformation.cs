namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// The device information of an enquiry room (docs/chat-rooms.md#rooms-and-their-information): platform and user agent, screen size, local time and
/// geo location. Every field is optional.
/// </summary>
public sealed record DeviceInformation
{
    /// <summary>Gets the platform, such as <c>Web (Chrome 126, Windows)</c> or <c>iOS</c>.</summary>
    public string? Platform { get; init; }

    /// <summary>Gets the browser's or app's user agent string.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets the screen size, such as <c>1920 × 1080</c>.</summary>
    public string? ScreenSize { get; init; }

    /// <summary>Gets the visitor's local time when the enquiry started, with the visitor's UTC offset.</summary>
    public DateTimeOffset? LocalTime { get; init; }

    /// <summary>Gets where the device is.</summary>
    public GeoLocation? GeoLocation { get; init; }
}
