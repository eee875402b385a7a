using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Rooms;

/// <summary>Settings of a <see cref="ChatRoomAssistant"/>.</summary>
public sealed class ChatRoomAssistantOptions
{
    /// <summary>
    /// Gets or sets the most characters of conversation sent to the model. The most recent messages are kept;
    /// older ones are left out, and the model is told so.
    /// </summary>
    /// <value>12,000.</value>
    public int MaxTranscriptCharacters { get; set; } = 12_000;

    /// <summary>Gets or sets the most labels and the most topics suggested.</summary>
    /// <value>5.</value>
    public int MaxSuggestions { get; set; } = 5;

    /// <summary>
    /// Gets the labels the organization uses. When any are given, suggestions are chosen from them only (matched
    /// case-insensitively, returned in the spelling given here); otherwise the model may propose its own.
    /// </summary>
    public IList<string> AvailableLabels { get; } = [];

    /// <summary>Gets the topics the organization uses; like <see cref="AvailableLabels"/>, for topics.</summary>
    public IList<string> AvailableTopics { get; } = [];

    /// <summary>Gets or sets the chat options every request starts from, such as the model id and temperature. They are cloned per request.</summary>
    public ChatOptions? ChatOptions { get; set; }
}
