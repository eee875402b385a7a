using System.Globalization;
using System.Text;

namespace Cinnox.Chatbot.Rooms;

/// <summary>A room's conversation as plain text for a language model: who said what, most recent last, within a size budget.</summary>
internal static class RoomTranscript
{
    public static string Build(ChatRoom room, int maxCharacters)
    {
        var header = new StringBuilder();
        if (room is EnquiryRoom enquiry)
        {
            header.Append(CultureInfo.InvariantCulture, $"Enquiry {enquiry.Enquiry.EnquiryId} via {enquiry.Enquiry.Channel.GetDisplayName()}");
            header.Append(CultureInfo.InvariantCulture, $"; visitor: {enquiry.VisitorInformation.FullName ?? enquiry.Visitor.DisplayName}");
            if (!enquiry.Utm.IsEmpty)
            {
                header.Append(CultureInfo.InvariantCulture, $"; UTM: {enquiry.Utm}");
            }

            header.Append('\n');
        }
        else if (room is SpaceRoom space)
        {
            header.Append(CultureInfo.InvariantCulture, $"Space '{space.Name}'\n");
        }

        var lines = new List<string>();
        var budget = Math.Max(0, maxCharacters - header.Length);
        var omitted = false;
        var messages = room.Messages;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (Describe(messages[i]) is not { } line)
            {
                continue;
            }

            if (line.Length + 1 > budget)
            {
                omitted = true;
                break;
            }

            budget -= line.Length + 1;
            lines.Add(line);
        }

        lines.Reverse();
        if (omitted)
        {
            header.Append("(earlier messages left out)\n");
        }

        return header.Append(string.Join('\n', lines)).ToString();
    }

    private static string? Describe(RoomMessage message)
    {
        if (message.IsRecalled)
        {
            return null;
        }

        var role = message.Sender.Kind switch
        {
            RoomMemberKind.Visitor => "visitor",
            RoomMemberKind.Staff => "agent",
            RoomMemberKind.ExternalContact => "contact",
            _ when message.IsSystem => "system",
            _ => "chatbot",
        };
        var body = message.Content switch
        {
            FileMessageContent file => $"[shared {file.FileKind}: {file.Name}]",
            SmsMessageContent sms => $"[SMS to {sms.PhoneNumber}] {sms.Text}",
            var content => content.ToPlainText(),
        };
        var time = message.SentAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        return $"[{time}] {message.Sender.DisplayName} ({role}): {body.Replace('\n', ' ')}";
    }
}
