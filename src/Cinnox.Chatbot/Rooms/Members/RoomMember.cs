namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A person or bot who takes part in rooms: a staff member, a visitor, an external contact or a bot. The same
/// member can be in many rooms; <see cref="Id"/> identifies them everywhere.
/// </summary>
public sealed record RoomMember
{
    /// <summary>The id of <see cref="PlatformBot"/>.</summary>
    public const string PlatformBotId = "cinnoxbot";

    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The member's id; not empty.</param>
    /// <param name="displayName">The name shown in rooms and matched by <c>@Name</c> mentions; not empty.</param>
    /// <param name="kind">Who the member is.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="displayName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a <see cref="RoomMemberKind"/> value.</exception>
    public RoomMember(string id, string displayName, RoomMemberKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use one of the RoomMemberKind values.");
        }

        Id = id;
        DisplayName = displayName.Trim();
        Kind = kind;
    }

    /// <summary>Gets the platform bot (CINNOXbot), the sender of system messages. It is never a member of a room.</summary>
    public static RoomMember PlatformBot { get; } = new(PlatformBotId, "CINNOXbot", RoomMemberKind.Bot);

    /// <summary>Gets the member's id.</summary>
    public string Id { get; }

    /// <summary>Gets the name shown in rooms and matched by <c>@Name</c> mentions (case-insensitive).</summary>
    public string DisplayName { get; }

    /// <summary>Gets who the member is.</summary>
    public RoomMemberKind Kind { get; }

    /// <summary>Gets the contact details shown in a direct room's information panel, when known.</summary>
    public ContactInformation? Contact { get; init; }

    /// <summary>Gets a value indicating whether the member is a staff member.</summary>
    public bool IsStaff => Kind == RoomMemberKind.Staff;

    /// <summary>Creates a staff member.</summary>
    /// <param name="id">The member's id.</param>
    /// <param name="displayName">The member's display name.</param>
    /// <returns>The member.</returns>
    public static RoomMember Staff(string id, string displayName) => new(id, displayName, RoomMemberKind.Staff);

    /// <summary>Creates a visitor.</summary>
    /// <param name="id">The member's id.</param>
    /// <param name="displayName">The member's display name.</param>
    /// <returns>The member.</returns>
    public static RoomMember Visitor(string id, string displayName) => new(id, displayName, RoomMemberKind.Visitor);

    /// <summary>Creates an external contact.</summary>
    /// <param name="id">The member's id.</param>
    /// <param name="displayName">The member's display name.</param>
    /// <returns>The member.</returns>
    public static RoomMember ExternalContact(string id, string displayName) => new(id, displayName, RoomMemberKind.ExternalContact);

    /// <summary>Creates a bot member.</summary>
    /// <param name="id">The member's id.</param>
    /// <param name="displayName">The member's display name.</param>
    /// <returns>The member.</returns>
    public static RoomMember Bot(string id, string displayName) => new(id, displayName, RoomMemberKind.Bot);

    /// <summary>Returns the display name.</summary>
    /// <returns>The display name.</returns>
    public override string ToString() => DisplayName;
}
