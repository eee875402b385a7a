namespace Cinnox.Chatbot.Rooms;

// Opening an enquiry: its first event and the platform's opening system message.
public sealed partial class EnquiryRoom
{
    private static EnquiryOpened Open(EnquiryRoomOptions options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.EnquiryId, nameof(options) + "." + nameof(options.EnquiryId));
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var visitorInformation = options.VisitorInformation ?? new VisitorInformation();
        return new EnquiryOpened
        {
            RoomId = string.IsNullOrWhiteSpace(options.RoomId) ? options.EnquiryId : options.RoomId,
            Sequence = 1,
            OccurredAt = now,
            Enquiry = new EnquiryInformation
            {
                EnquiryId = options.EnquiryId,
                Channel = options.Channel,
                ChannelDetail = options.ChannelDetail,
                Language = options.Language,
                Location = options.Location,
                Time = now,
            },
            Visitor = options.Visitor ?? RoomMember.Visitor($"visitor:{options.EnquiryId}", visitorInformation.FullName ?? "Visitor"),
            VisitorInformation = options.VisitorInformation,
            Device = options.Device,
            Weblink = options.Weblink,
            Destination = options.Destination,
            IsVisitorFormEnabled = options.IsVisitorFormEnabled,
            IsExternalChannel = options.IsExternalChannel ?? options.Channel is EnquiryChannel.Social or EnquiryChannel.ThirdParty,
            ChatbotContext = options.ChatbotContext?.Clone(),
        };
    }

    private SystemMessageContent CreateOpeningMessage()
    {
        var channel = Enquiry.Channel.GetDisplayName();
        var fields = new List<SystemMessageField> { new("Channel", channel) };
        if (!string.IsNullOrWhiteSpace(Enquiry.ChannelDetail))
        {
            fields.Add(new("Channel Detail", Enquiry.ChannelDetail));
        }

        if (IsVisitorFormEnabled)
        {
            AddField(fields, "First Name", _visitorInformation.FirstName);
            AddField(fields, "Last Name", _visitorInformation.LastName);
            AddField(fields, "Phone Number", _visitorInformation.Phone);
            AddField(fields, "Email Address", _visitorInformation.Email);
        }

        fields.AddRange(Utm.Parameters.Select(static parameter => new SystemMessageField(parameter.Label, parameter.Value)));
        return new SystemMessageContent(SystemMessageKind.EnquiryOpened, $"{Visitor.DisplayName} started an enquiry via {channel}.", fields);

        static void AddField(List<SystemMessageField> fields, string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new(label, value));
            }
        }
    }
}
