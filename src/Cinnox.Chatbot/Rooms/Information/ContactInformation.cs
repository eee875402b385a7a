namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// The contact information a direct room shows about the staff member or external contact on the other side
/// (docs/chat-rooms.md#rooms-and-their-information): first name, last name, phone number, email and time zone. Every field is optional.
/// </summary>
public sealed record ContactInformation
{
    /// <summary>Gets the first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the time zone, such as an IANA id (<c>Asia/Hong_Kong</c>).</summary>
    public string? TimeZone { get; init; }
}
