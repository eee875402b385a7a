namespace Cinnox.Chatbot.Rooms;

// What staff members add to an enquiry: visitor fields, labels and topics.
public sealed partial class EnquiryRoom
{
    /// <summary>Adds a field to the visitor information, or changes it when a field of that name (case-insensitive) exists.</summary>
    /// <param name="staffMemberId">The staff member who adds it; must be in the room.</param>
    /// <param name="name">The field's name, such as <c>Membership</c>.</param>
    /// <param name="value">The field's value.</param>
    /// <exception cref="ChatRoomRuleException">
    /// <see cref="ChatRoomRule.InvalidInformation"/> (empty name or value), <see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff),
    /// <see cref="ChatRoomRule.NotAMember"/>.
    /// </exception>
    public void SetVisitorField(string staffMemberId, string name, string value)
    {
        lock (Gate)
        {
            RequireStaff(staffMemberId, "add visitor information");
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(value))
            {
                throw Rule(ChatRoomRule.InvalidInformation, "A visitor field needs a name and a value.", memberId: staffMemberId);
            }

            var field = new VisitorField(name.Trim(), value.Trim(), staffMemberId);
            var fields = _visitorInformation.AdditionalFields.ToList();
            var index = fields.FindIndex(existing => string.Equals(existing.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                fields[index] = field;
            }
            else
            {
                fields.Add(field);
            }

            var updated = _visitorInformation with { AdditionalFields = fields.AsReadOnly() };
            Record(new VisitorInformationChanged { RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = staffMemberId, VisitorInformation = updated });
            Enqueue((version, at) => new VisitorInformationChangedEventArgs(this, version, at, updated, staffMemberId));
        }

        DeliverEvents();
    }

    /// <summary>Adds labels to the enquiry, such as ones an AI suggested. Labels already there (case-insensitive) are skipped.</summary>
    /// <param name="staffMemberId">The staff member who adds them; must be in the room.</param>
    /// <param name="labels">The labels.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void AddLabels(string staffMemberId, IEnumerable<string> labels) => Classify(staffMemberId, labels, []);

    /// <summary>Adds topics to the enquiry, such as ones an AI suggested. Topics already there (case-insensitive) are skipped.</summary>
    /// <param name="staffMemberId">The staff member who adds them; must be in the room.</param>
    /// <param name="topics">The topics.</param>
    /// <exception cref="ChatRoomRuleException"><see cref="ChatRoomRule.MemberKindNotAllowed"/> (not staff), <see cref="ChatRoomRule.NotAMember"/>.</exception>
    public void AddTopics(string staffMemberId, IEnumerable<string> topics) => Classify(staffMemberId, [], topics);

    private void Classify(string staffMemberId, IEnumerable<string> labels, IEnumerable<string> topics)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(topics);
        lock (Gate)
        {
            RequireStaff(staffMemberId, "classify the enquiry");
            var newLabels = Merge(_labels, labels);
            var newTopics = Merge(_topics, topics);
            if (newLabels.Count == _labels.Count && newTopics.Count == _topics.Count)
            {
                return;
            }

            Record(new EnquiryClassified
            {
                RoomId = Id, Sequence = NextSequence, OccurredAt = Clock.GetUtcNow(), ActorId = staffMemberId, Labels = [.. newLabels.Except(_labels)], Topics = [.. newTopics.Except(_topics)],
            });
            Enqueue((version, at) => new EnquiryClassifiedEventArgs(this, version, at, newLabels, newTopics, staffMemberId));
        }

        DeliverEvents();

        static IReadOnlyList<string> Merge(IReadOnlyList<string> existing, IEnumerable<string> added)
        {
            var merged = existing.ToList();
            foreach (var item in added)
            {
                if (!string.IsNullOrWhiteSpace(item) && !merged.Contains(item.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    merged.Add(item.Trim());
                }
            }

            return merged.Count == existing.Count ? existing : merged.AsReadOnly();
        }
    }

    private void RequireStaff(string memberId, string what)
    {
        var member = RequireRoomMember(memberId);
        if (!member.IsStaff)
        {
            throw Rule(ChatRoomRule.MemberKindNotAllowed, $"{member.DisplayName} is not a staff member; only staff members {what}.", memberId: memberId);
        }
    }
}
