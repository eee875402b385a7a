namespace Cinnox.Chatbot.Tool.Checking;

/// <summary>How much a broken rule matters.</summary>
internal enum CheckSeverity
{
    /// <summary>The platform copes, but visitors may notice (buffered streams, lost keywords) or a rule of good practice is broken.</summary>
    Warning,

    /// <summary>The protocol is broken: the platform loses or refuses the reply.</summary>
    Error,
}
