namespace Cinnox.Chatbot;

/// <summary>How serious a <see cref="ChatbotValidationIssue"/> is.</summary>
public enum ChatbotValidationSeverity
{
    /// <summary>
    /// The content is readable but something in it is not understood or will be ignored, such as an
    /// unknown container type. A tolerant reader reports it and carries on.
    /// </summary>
    Warning = 0,

    /// <summary>The content breaks a rule of the protocol; a strict writer refuses to produce it.</summary>
    Error = 1,
}
