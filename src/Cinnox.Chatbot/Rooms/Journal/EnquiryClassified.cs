namespace Cinnox.Chatbot.Rooms;

/// <summary>Labels or topics were added to an enquiry.</summary>
public sealed record EnquiryClassified : RoomEvent
{
    /// <summary>Gets the labels added.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Gets the topics added.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];
}
