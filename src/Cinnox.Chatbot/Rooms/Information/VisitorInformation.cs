namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// The visitor information of an enquiry room (docs/chat-rooms.md#rooms-and-their-information): what the visitor form gathered (first name, last name,
/// phone, email) plus the fields staff members added.
/// </summary>
public sealed record VisitorInformation
{
    /// <summary>Gets the first name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Gets the last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Gets the phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the fields staff members added, in the order they were first added.</summary>
    public IReadOnlyList<VisitorField> AdditionalFields { get; init; } = [];

    /// <summary>Gets the first and last name joined by a space, or <see langword="null"/> when neither is known.</summary>
    public string? FullName =>
        string.Join(' ', new[] { FirstName, LastName }.Where(static part => !string.IsNullOrWhiteSpace(part))) is { Length: > 0 } name
            ? name
            : null;
}
