namespace Cinnox.Chatbot.Rooms;

/// <summary>Labels and topics an AI suggests for an enquiry; add the ones a staff member accepts with <see cref="EnquiryRoom.AddLabels"/> and <see cref="EnquiryRoom.AddTopics"/>.</summary>
/// <param name="Labels">The suggested labels, most fitting first.</param>
/// <param name="Topics">The suggested topics, most fitting first.</param>
public sealed record LabelAndTopicSuggestions(IReadOnlyList<string> Labels, IReadOnlyList<string> Topics);
