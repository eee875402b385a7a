namespace Cinnox.Chatbot.Rooms;

/// <summary>What kind of file a <see cref="FileMessageContent"/> shares.</summary>
public enum FileKind
{
    /// <summary>A document of any type, such as a PDF.</summary>
    Document = 0,

    /// <summary>An image; its media type is <c>image/*</c>.</summary>
    Image = 1,

    /// <summary>A video; its media type is <c>video/*</c>.</summary>
    Video = 2,

    /// <summary>A recorded voice message; its media type is <c>audio/*</c>.</summary>
    VoiceMessage = 3,
}
