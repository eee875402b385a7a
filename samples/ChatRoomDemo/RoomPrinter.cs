using System.Globalization;
using Cinnox.Chatbot;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Storage;

namespace ChatRoomDemo;

/// <summary>
/// Prints rooms as a person reads a chat: one line per message with its time and sender, replies as they stream in,
/// edits, recalls and who was notified. It follows the rooms through their change events.
/// </summary>
internal sealed class RoomPrinter(Terminal terminal)
{
    private const int NameWidth = 13;
    private const int Indent = 10 + NameWidth + 1;
    private readonly Lock _gate = new();
    private string? _streamingMessageId;

    public void Follow(ChatWorkspace workspace) => workspace.RoomChanged += OnRoomChanged;

    public void PrintEnquiryPanel(EnquiryRoom room)
    {
        var visitor = room.VisitorInformation;
        var lines = new List<(string Label, string Value)>
        {
            ("Enquiry", Join(room.Enquiry.EnquiryId, room.Enquiry.Channel.GetDisplayName(), room.Enquiry.ChannelDetail, room.Enquiry.Language, room.Enquiry.Location)),
            ("Visitor", Join(visitor.FullName, visitor.Phone, visitor.Email)),
        };
        if (room.Device is { } device)
        {
            lines.Add(("Device", Join(device.Platform, device.ScreenSize, device.GeoLocation?.ToString())));
        }

        lines.Add(("UTM", room.Utm.IsEmpty ? "none" : string.Join(" · ", room.Utm.Parameters.Select(parameter => $"{parameter.Label[4..]} {parameter.Value}"))));
        if (room.Destination is { } destination)
        {
            lines.Add(("Destination", Join(destination.Name, destination.Type.ToString(), destination.Endpoint)));
        }

        PrintBox($"Enquiry room {room.Id}", lines);
    }

    public void PrintBox(string title, IReadOnlyList<(string Label, string Value)> lines)
    {
        lock (_gate)
        {
            var width = Math.Min(terminal.Width, 96);
            var top = $"┌─ {title} ";
            terminal.WriteLine(terminal.Dim(top + new string('─', Math.Max(0, width - top.Length))));
            foreach (var (label, value) in lines)
            {
                terminal.BeginLine(terminal.Dim("│ ") + terminal.Bold(label.PadRight(12)), 14, 14, terminal.Dim("│ ") + new string(' ', 12));
                terminal.Write(value);
                terminal.EndLine();
            }

            terminal.WriteLine(terminal.Dim("└" + new string('─', width - 1)));
        }
    }

    public void PrintHistory(ChatRoom room)
    {
        foreach (var message in room.Messages)
        {
            PrintMessage(room, message, delivery: null);
        }
    }

    public void PrintBadges(ChatWorkspace workspace, RoomMember member)
    {
        lock (_gate)
        {
            var rows = workspace.GetRecentConnections(member.Id).Select(connection => (Name: connection.Room switch
            {
                EnquiryRoom enquiry => $"Enquiry {enquiry.Enquiry.EnquiryId} · {enquiry.Visitor.DisplayName} · {Describe(enquiry.Status)}",
                SpaceRoom space => $"Space · {space.Name}{(connection.IsMuted ? " (muted)" : string.Empty)}",
                var other => $"{other.Kind} · {other.Id}{(connection.IsMuted ? " (muted)" : string.Empty)}",
            }, connection.UnreadCount)).ToList();
            PrintConnections(member, rows, workspace.GetUnreadRoomCount(member.Id));
        }
    }

    /// <summary>Prints a member's Recent Connections and badge as the store's read models have them.</summary>
    public void PrintInbox(MemberInbox inbox, RoomMember member)
    {
        lock (_gate)
        {
            var rows = inbox.Rooms.Select(row => (Name: $"{(row.Kind == RoomKind.Space ? "Space" : row.Kind.ToString())} · {row.Title}", row.UnreadCount)).ToList();
            PrintConnections(member, rows, inbox.UnreadRoomCount);
        }
    }

    private void PrintConnections(RoomMember member, List<(string Name, int UnreadCount)> rows, int unreadRooms)
    {
        if (rows.Count == 0)
        {
            terminal.WriteLine($"  {terminal.Bold(member.DisplayName + "'s Recent Connections:")} none yet");
        }
        else
        {
            terminal.WriteLine($"  {terminal.Bold(member.DisplayName + "'s Recent Connections")} {terminal.Dim("(most recent activity first)")}");
            var width = rows.Max(static row => row.Name.Length) + 2;
            foreach (var (name, unread) in rows)
            {
                var badge = unread > 0 ? terminal.Color($"● {unread} unread", 31) : terminal.Dim("all read");
                terminal.WriteLine($"    {name.PadRight(width)}{badge}");
            }
        }

        var badgeText = unreadRooms == 0 ? terminal.Dim("no badge") : terminal.Color($"({unreadRooms})", 31);
        terminal.WriteLine($"  Unread rooms badge on {member.DisplayName}'s Workspace icon: {badgeText}");
    }

    /// <summary>Narrates what happens next, in the margin of the room.</summary>
    public void Note(string text)
    {
        lock (_gate)
        {
            terminal.BeginLine("  ", 2, 2);
            terminal.Write(text, terminal.Italic);
            terminal.EndLine(terminal.Italic);
        }
    }

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(static part => !string.IsNullOrWhiteSpace(part)));

    private static string Describe(EnquiryStatus status) => status switch
    {
        EnquiryStatus.WithChatbot => "with the chatbot",
        EnquiryStatus.WaitingForAgent => "waiting for an agent",
        EnquiryStatus.WithAgent => "with an agent",
        _ => "closed",
    };

    private void OnRoomChanged(object? sender, ChatRoomEventArgs change)
    {
        lock (_gate)
        {
            switch (change)
            {
                case MessagePostedEventArgs { Message.Content: ChatbotReplyContent { State: ChatbotReplyState.Streaming } } posted:
                    _streamingMessageId = posted.Message.Id;
                    BeginMessage(posted.Message);
                    terminal.Write(posted.Message.Text ?? string.Empty);
                    terminal.Flush();
                    break;
                case MessagePostedEventArgs posted:
                    PrintMessage(change.Room, posted.Message, posted.Delivery);
                    break;
                case ChatbotReplyDeltaEventArgs delta when delta.MessageId == _streamingMessageId:
                    terminal.Write(delta.Delta);
                    terminal.Flush();
                    break;
                case ChatbotReplyTextReplacedEventArgs replaced when replaced.MessageId == _streamingMessageId:
                    terminal.EndLine();
                    BeginMessage(change.Room.GetMessage(replaced.MessageId));
                    terminal.Write(replaced.Text);
                    terminal.Flush();
                    break;
                case ChatbotReplyCompletedEventArgs completed when completed.Message.Id == _streamingMessageId:
                    _streamingMessageId = null;
                    if (completed.Message.Content is ChatbotReplyContent { IsIncomplete: true } partial)
                    {
                        terminal.Write($" (incomplete: {partial.FailureReason})", terminal.Dim);
                    }

                    terminal.EndLine();
                    break;
                case MessageEditedEventArgs edited:
                    var (before, after) = WordDifference(edited.PreviousText, edited.Message.Text ?? string.Empty);
                    Annotate("✎", $"{edited.Message.Sender.DisplayName} edited message #{edited.Message.Sequence}: “{before}” → “{after}”");
                    PrintDelivery(change.Room, edited.Delivery, edit: true);
                    break;
                case MessageRecalledEventArgs recalled:
                    Annotate("⟲", $"{recalled.Message.Sender.DisplayName} recalled message #{recalled.Message.Sequence}; it stays as a tombstone, its content gone.");
                    break;
                case ChatbotWarningEventArgs warning:
                    Annotate("!", warning.Warning.Message);
                    break;
            }
        }
    }

    private void PrintMessage(ChatRoom room, RoomMessage message, MessageDelivery? delivery)
    {
        lock (_gate)
        {
            if (message.ReplyToMessageId is not null && room.GetQuotedMessage(message) is { } quoted)
            {
                var quote = quoted.IsRecalled ? "(recalled message)" : quoted.Content.ToPlainText().ReplaceLineEndings(" ");
                Annotate("↳", $"replying to {quoted.Sender.DisplayName}: “{Shorten(quote, 60)}”");
            }

            if (message.ForwardedFrom is { } origin)
            {
                Annotate("↪", $"forwarded from {origin.OriginalSender.DisplayName} in {origin.RoomId}");
            }

            BeginMessage(message);
            switch (message.Content)
            {
                case RecalledMessageContent:
                    terminal.Write("(message recalled)", text => terminal.Italic(terminal.Dim(text)));
                    break;
                case TextMessageContent text:
                    WriteWithMentions(text.Text, message.Mentions);
                    break;
                case FileMessageContent file:
                    terminal.Write($"[{file.FileKind}] {file.Name} · {file.DisplaySize} · {file.Link}");
                    break;
                case SmsMessageContent sms:
                    terminal.Write($"[SMS to {sms.PhoneNumber}] ", terminal.Dim);
                    terminal.Write(sms.Text);
                    break;
                case SystemMessageContent system:
                    terminal.Write(system.Text, terminal.Italic);
                    foreach (var field in system.Fields)
                    {
                        terminal.Write("\n");
                        terminal.Write(field.Label + ": ", terminal.Dim);
                        terminal.Write(field.Value);
                    }

                    break;
                case ChatbotReplyContent { AdvancedMessage: { } advanced }:
                    WriteAdvanced(advanced);
                    break;
                case ChatbotReplyContent reply:
                    terminal.Write(reply.Text);
                    if (reply.IsIncomplete)
                    {
                        terminal.Write($" (incomplete: {reply.FailureReason})", terminal.Dim);
                    }

                    break;
            }

            if (message.IsEdited && !message.IsRecalled)
            {
                terminal.Write(" (edited)", terminal.Dim);
            }

            terminal.EndLine();
            if (delivery is not null)
            {
                PrintDelivery(room, delivery, edit: false);
            }
        }
    }

    private void PrintDelivery(ChatRoom room, MessageDelivery delivery, bool edit)
    {
        if (delivery.Message.Mentions.IsEmpty && delivery.UnmatchedMentions.Count == 0)
        {
            return;
        }

        var notified = delivery.NotifiedMemberIds.Select(id => room.FindMember(id)?.DisplayName ?? id).ToList();
        var text = (edit ? "newly mentioned, notified: " : "notified: ") + (notified.Count == 0 ? "nobody" : string.Join(", ", notified));
        var silenced = room.Members
            .Select(member => (member, room.GetNotificationDecision(member.Id, delivery.Message).Reason))
            .Where(static pair => pair.Reason is NotificationReason.NotMentioned or NotificationReason.Muted)
            .Select(static pair => $"{pair.member.DisplayName} ({(pair.Reason == NotificationReason.Muted ? "muted" : "@mentions only")})")
            .Concat(delivery.UnmatchedMentions.Select(static name => $"@{name} (not a member of this room)"))
            .ToList();
        if (silenced.Count > 0)
        {
            text += " · not notified: " + string.Join(", ", silenced);
        }

        Annotate("@", text);
    }

    private void BeginMessage(RoomMessage message)
    {
        var time = message.SentAt.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var name = message.Sender.DisplayName.Length > NameWidth ? message.Sender.DisplayName[..(NameWidth - 1)] + "…" : message.Sender.DisplayName;
        var color = message.Sender.Kind switch
        {
            RoomMemberKind.Visitor => 36,
            RoomMemberKind.Staff => 32,
            _ when message.IsSystem => 33,
            _ => 35,
        };
        terminal.BeginLine($"{terminal.Dim(time)}  {terminal.Color(terminal.Bold(name.PadRight(NameWidth)), color)} ", Indent, Indent);
    }

    private void Annotate(string mark, params string[] parts)
    {
        terminal.BeginLine(new string(' ', Indent - 2) + terminal.Dim(mark + " "), Indent, Indent);
        foreach (var part in parts)
        {
            terminal.Write(part, terminal.Dim);
        }

        terminal.EndLine(terminal.Dim);
    }

    private void WriteWithMentions(string text, MessageMentions mentions)
    {
        var position = 0;
        foreach (var span in mentions.Spans)
        {
            terminal.Write(text[position..span.Start]);
            terminal.Flush();
            terminal.Write(text.Substring(span.Start, span.Length), mention => terminal.Color(terminal.Bold(mention), 34));
            terminal.Flush(mention => terminal.Color(terminal.Bold(mention), 34));
            position = span.Start + span.Length;
        }

        terminal.Write(text[position..]);
    }

    private void WriteAdvanced(ChatbotAdvancedMessage advanced)
    {
        var lines = 0;
        void Line(string text, Func<string, string>? style = null)
        {
            if (lines++ > 0)
            {
                terminal.Write("\n");
            }

            terminal.Write(text, style);
        }

        foreach (var container in advanced.AdvancedItems)
        {
            var items = container switch
            {
                BubbleContainer bubble => bubble.Items,
                QuickReplyContainer quickReply => quickReply.Items,
                ListContainer list => list.Items,
                TextContainer textContainer => textContainer.Items,
                CarouselContainer carousel => carousel.Items.OfType<BubbleContainer>().SelectMany(static bubble => bubble.Items).ToList(),
                _ => [],
            };
            var buttons = new List<string>();
            foreach (var item in items)
            {
                switch (item)
                {
                    case TextItem text:
                        foreach (var (part, style) in new (string?, Func<string, string>?)[] { (text.Title, terminal.Bold), (text.Text, null), (text.Footer, terminal.Dim) })
                        {
                            if (!string.IsNullOrWhiteSpace(part))
                            {
                                Line(part, style);
                            }
                        }

                        break;
                    case MediaItem media:
                        Line($"[{media.GetType().Name.Replace("Item", string.Empty, StringComparison.Ordinal)}] {media.FileUrl}", terminal.Dim);
                        break;
                    case ButtonItem { Title: { } title } entry:
                        Line($"• {title}", terminal.Bold);
                        terminal.Write($" — {entry.Text}");
                        break;
                    case ButtonItem button:
                        // Non-breaking spaces keep each button on one line; the gaps between buttons may wrap.
                        buttons.Add((button.Action is OpenUrlAction ? $"[ {button.Text} ↗ ]" : $"[ {button.Text} ]").Replace(' ', '\u00a0'));
                        break;
                }
            }

            if (buttons.Count > 0)
            {
                Line(string.Join("  ", buttons), terminal.Bold);
            }
        }
    }

    // The words that changed, with one word of context on each side: "due on Thrusday;" → "due on Thursday;".
    private static (string Before, string After) WordDifference(string before, string after)
    {
        var a = before.Split(' ');
        var b = after.Split(' ');
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var start = Math.Max(0, prefix - 1);
        string Part(string[] words)
        {
            var end = Math.Min(words.Length, words.Length - suffix + 1);
            return (start > 0 ? "… " : string.Empty) + string.Join(' ', words[start..end]) + (end < words.Length ? " …" : string.Empty);
        }

        return (Part(a), Part(b));
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
