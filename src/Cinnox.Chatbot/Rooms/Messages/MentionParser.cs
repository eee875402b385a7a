namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Reads the mentions of a message (docs/chat-rooms.md#chat-functions): <c>@all</c>, <c>@Name</c> where the longest member display name that
/// matches (case-insensitive) wins, and member ids given alongside the text.
/// </summary>
/// <remarks>
/// A mention starts at an <c>@</c> that does not follow a letter, digit or <c>_</c> (so <c>ann@example.com</c> is
/// not a mention) and must end where the name ends: the next character is not a letter, digit or <c>_</c> (so
/// <c>@Annabel</c> does not mention "Ann"). A display name may contain spaces (<c>@Ann Lee</c>). When no member
/// matches, the word after the <c>@</c> (letters, digits, <c>_</c>, <c>-</c>, <c>.</c>) is reported as unmatched and
/// stays plain text. <c>@all</c> wins a tie with a member whose name is "all".
/// </remarks>
internal static class MentionParser
{
    private const string All = "all";

    public static MessageMentions Parse(string? text, IReadOnlyList<RoomMember> members, IEnumerable<string>? memberIds, List<string> unmatched)
    {
        var all = false;
        var ids = new List<string>();
        var spans = new List<MentionSpan>();
        var unmatchedSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        for (var at = text?.IndexOf('@', StringComparison.Ordinal) ?? -1; at >= 0; at = text!.IndexOf('@', at))
        {
            if (at > 0 && IsNameChar(text![at - 1]))
            {
                at++;
                continue;
            }

            var rest = text.AsSpan(at + 1);
            var length = 0;
            RoomMember? match = null;
            if (rest.StartsWith(All, StringComparison.OrdinalIgnoreCase) && EndsAt(rest, All.Length))
            {
                length = All.Length;
            }

            foreach (var member in members)
            {
                var name = member.DisplayName;
                if (name.Length > length && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) && EndsAt(rest, name.Length))
                {
                    length = name.Length;
                    match = member;
                }
            }

            if (length > 0)
            {
                spans.Add(new MentionSpan(at, length + 1, match?.Id));
                if (match is null)
                {
                    all = true;
                }
                else if (!ids.Contains(match.Id, StringComparer.Ordinal))
                {
                    ids.Add(match.Id);
                }

                at += length + 1;
                continue;
            }

            var word = 0;
            while (word < rest.Length && (IsNameChar(rest[word]) || rest[word] is '-' or '.'))
            {
                word++;
            }

            var unknown = rest[..word].TrimEnd(".-");
            if (!unknown.IsEmpty && unmatchedSeen.Add(unknown.ToString()))
            {
                unmatched.Add(unknown.ToString());
            }

            at += 1 + word;
        }

        var given = new List<string>();
        foreach (var id in memberIds ?? [])
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            if (members.Any(member => member.Id == id))
            {
                if (!given.Contains(id, StringComparer.Ordinal))
                {
                    given.Add(id);
                }

                if (!ids.Contains(id, StringComparer.Ordinal))
                {
                    ids.Add(id);
                }
            }
            else if (unmatchedSeen.Add(id))
            {
                unmatched.Add(id);
            }
        }

        return !all && ids.Count == 0 && spans.Count == 0
            ? MessageMentions.None
            : new MessageMentions(all, ids.AsReadOnly(), spans.AsReadOnly()) { GivenMemberIds = given.AsReadOnly() };
    }

    // A name ends where the word ends: not before a letter or digit, nor before '-' or '.' that joins another word
    // (@Ann-Marie and @Ann.com are not @Ann). Names in scripts written without spaces (Chinese, Japanese) end where
    // the name ends: "@陳大文你好" mentions 陳大文.
    private static bool EndsAt(ReadOnlySpan<char> rest, int length)
    {
        if (length == rest.Length || IsUnspacedScript(rest[length - 1]))
        {
            return true;
        }

        var next = rest[length];
        if (IsNameChar(next))
        {
            return false;
        }

        return next is not ('-' or '.') || length + 1 == rest.Length || !IsNameChar(rest[length + 1]);
    }

    private static bool IsUnspacedScript(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
