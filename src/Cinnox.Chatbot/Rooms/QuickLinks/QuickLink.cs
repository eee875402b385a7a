namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A saved text shortcut: typing <c>/{Shortcut}</c> in the text input expands to a web link or phone number
/// (docs/chat-rooms.md#chat-functions).
/// </summary>
/// <param name="Shortcut">The shortcut's name, without the <c>/</c>: letters, digits, <c>-</c> and <c>_</c>, 1 to 32 characters; matched case-insensitively.</param>
/// <param name="Kind">Whether it is a web link or a phone number.</param>
/// <param name="Value">What it expands to: an absolute http or https URL, or an E.164 phone number.</param>
/// <param name="Scope">Whether it is a staff member's own or a channel's.</param>
/// <param name="OwnerId">The staff member who owns a personal link; <see langword="null"/> for a channel link.</param>
/// <param name="Label">A name shown in pickers, such as <c>Spring sale page</c>.</param>
public sealed record QuickLink(string Shortcut, QuickLinkKind Kind, string Value, QuickLinkScope Scope, string? OwnerId, string? Label);
