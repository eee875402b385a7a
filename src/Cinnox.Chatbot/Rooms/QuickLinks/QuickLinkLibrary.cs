using System.Text;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Staff members' saved quick links and text shortcuts: personal and channel web links and phone numbers that
/// <c>/shortcut</c> expands to in the text input (docs/chat-rooms.md#chat-functions). Thread-safe.
/// </summary>
/// <remarks>
/// A shortcut is written as <c>/name</c> at the start of the text or after white space, and ends at the first
/// character that is not a letter, digit, <c>-</c> or <c>_</c>. Names match case-insensitively; a staff member's
/// personal link wins over a channel link of the same name. A <c>/word</c> that names no link is left as written
/// (so paths such as <c>/etc/hosts</c> survive).
/// </remarks>
public sealed class QuickLinkLibrary
{
    private const int MaxShortcutLength = 32;
    private readonly Lock _gate = new();
    private readonly List<QuickLink> _links = [];

    /// <summary>Saves a staff member's own link or number, replacing theirs of the same shortcut.</summary>
    /// <param name="staffMemberId">The staff member.</param>
    /// <param name="shortcut">The shortcut's name, with or without a leading <c>/</c>.</param>
    /// <param name="kind">Whether it is a web link or a phone number.</param>
    /// <param name="value">An absolute http or https URL, or an international phone number (normalized to E.164).</param>
    /// <param name="label">A name shown in pickers.</param>
    /// <returns>The saved link.</returns>
    /// <exception cref="ArgumentException"><paramref name="staffMemberId"/> is null, empty or white space.</exception>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.InvalidQuickLink"/>: a bad shortcut name, URL or phone number.</exception>
    public QuickLink AddPersonal(string staffMemberId, string shortcut, QuickLinkKind kind, string value, string? label = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffMemberId);
        return Save(Create(shortcut, kind, value, QuickLinkScope.Personal, staffMemberId, label));
    }

    /// <summary>Saves a channel link or number, available to every staff member, replacing the channel's of the same shortcut.</summary>
    /// <param name="shortcut">The shortcut's name, with or without a leading <c>/</c>.</param>
    /// <param name="kind">Whether it is a web link or a phone number.</param>
    /// <param name="value">An absolute http or https URL, or an international phone number (normalized to E.164).</param>
    /// <param name="label">A name shown in pickers.</param>
    /// <returns>The saved link.</returns>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.InvalidQuickLink"/>: a bad shortcut name, URL or phone number.</exception>
    public QuickLink AddChannel(string shortcut, QuickLinkKind kind, string value, string? label = null) =>
        Save(Create(shortcut, kind, value, QuickLinkScope.Channel, null, label));

    /// <summary>Deletes a saved link.</summary>
    /// <param name="link">The link.</param>
    /// <returns><see langword="true"/> when it was saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is null.</exception>
    public bool Remove(QuickLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        lock (_gate)
        {
            return _links.Remove(link);
        }
    }

    /// <summary>Gets the links a staff member can use: their personal ones, then the channel ones, each by shortcut.</summary>
    /// <param name="staffMemberId">The staff member.</param>
    /// <returns>The links.</returns>
    public IReadOnlyList<QuickLink> GetAvailable(string staffMemberId)
    {
        lock (_gate)
        {
            return [.. _links
                .Where(link => link.Scope == QuickLinkScope.Channel || link.OwnerId == staffMemberId)
                .OrderBy(static link => link.Scope)
                .ThenBy(static link => link.Shortcut, StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>Finds the link a shortcut names for a staff member: theirs first, then the channel's.</summary>
    /// <param name="staffMemberId">The staff member.</param>
    /// <param name="shortcut">The shortcut, with or without a leading <c>/</c>.</param>
    /// <returns>The link, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="shortcut"/> is null.</exception>
    public QuickLink? Find(string staffMemberId, string shortcut)
    {
        ArgumentNullException.ThrowIfNull(shortcut);
        var name = shortcut.StartsWith('/') ? shortcut[1..] : shortcut;
        lock (_gate)
        {
            return FindCore(staffMemberId, name);
        }
    }

    /// <summary>Expands the shortcuts a staff member typed into their links and numbers.</summary>
    /// <param name="staffMemberId">The staff member.</param>
    /// <param name="text">The text input, such as <c>Book here: /booking or call /hotline</c>.</param>
    /// <returns>The expanded text and the links used.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public ShortcutExpansion Expand(string staffMemberId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var used = new List<QuickLink>();
        lock (_gate)
        {
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '/' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
                {
                    var end = i + 1;
                    while (end < text.Length && IsShortcutChar(text[end]))
                    {
                        end++;
                    }

                    if (end > i + 1 && FindCore(staffMemberId, text[(i + 1)..end]) is { } link)
                    {
                        result.Append(link.Value);
                        used.Add(link);
                        i = end;
                        continue;
                    }
                }

                result.Append(text[i]);
                i++;
            }
        }

        return new ShortcutExpansion(result.ToString(), used.AsReadOnly());
    }

    private static bool IsShortcutChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static QuickLink Create(string shortcut, QuickLinkKind kind, string value, QuickLinkScope scope, string? ownerId, string? label)
    {
        var name = shortcut?.StartsWith('/') == true ? shortcut[1..] : shortcut;
        if (string.IsNullOrEmpty(name) || name.Length > MaxShortcutLength || !name.All(IsShortcutChar))
        {
            throw new ChatRoomRuleException(ChatRoomRule.InvalidQuickLink,
                $"'{shortcut}' is not a shortcut name: use 1 to {MaxShortcutLength} letters, digits, '-' or '_', such as 'booking'.", memberId: ownerId);
        }

        string normalized;
        switch (kind)
        {
            case QuickLinkKind.WebLink when UriRules.TryParseAbsoluteHttp(value, out var url):
                normalized = url!.OriginalString;
                break;
            case QuickLinkKind.PhoneNumber when PhoneNumbers.TryNormalize(value, out var e164):
                normalized = e164;
                break;
            case QuickLinkKind.WebLink:
                throw new ChatRoomRuleException(ChatRoomRule.InvalidQuickLink, $"'{value}' is not an absolute http or https URL; /{name} needs one.", memberId: ownerId);
            case QuickLinkKind.PhoneNumber:
                throw new ChatRoomRuleException(ChatRoomRule.InvalidQuickLink,
                    $"'{value}' is not an international phone number; /{name} needs one in E.164 form, such as +85291234567.", memberId: ownerId);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use one of the QuickLinkKind values.");
        }

        return new QuickLink(name, kind, normalized, scope, ownerId, string.IsNullOrWhiteSpace(label) ? null : label.Trim());
    }

    private QuickLink Save(QuickLink link)
    {
        lock (_gate)
        {
            _links.RemoveAll(existing => existing.Scope == link.Scope && existing.OwnerId == link.OwnerId &&
                string.Equals(existing.Shortcut, link.Shortcut, StringComparison.OrdinalIgnoreCase));
            _links.Add(link);
        }

        return link;
    }

    private QuickLink? FindCore(string staffMemberId, string name) =>
        _links.Find(link => link.Scope == QuickLinkScope.Personal && link.OwnerId == staffMemberId && string.Equals(link.Shortcut, name, StringComparison.OrdinalIgnoreCase))
        ?? _links.Find(link => link.Scope == QuickLinkScope.Channel && string.Equals(link.Shortcut, name, StringComparison.OrdinalIgnoreCase));
}
