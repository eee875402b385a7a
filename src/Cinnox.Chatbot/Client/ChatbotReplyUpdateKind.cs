namespace Cinnox.Chatbot;

/// <summary>What a <see cref="ChatbotReplyUpdate"/> carries.</summary>
public enum ChatbotReplyUpdateKind
{
    /// <summary>Text to append to the message (<see cref="ChatbotReplyUpdate.Text"/>).</summary>
    Delta = 0,

    /// <summary>The whole text so far, replacing what was accumulated (<see cref="ChatbotReplyUpdate.Text"/>).</summary>
    Replace = 1,

    /// <summary>Something was skipped or ignored (<see cref="ChatbotReplyUpdate.Warning"/>); the reply goes on.</summary>
    Warning = 2,

    /// <summary>The reply has ended (<see cref="ChatbotReplyUpdate.Reply"/>). Always the last update, exactly once.</summary>
    Completed = 3,
}
