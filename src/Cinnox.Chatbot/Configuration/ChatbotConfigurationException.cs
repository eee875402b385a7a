namespace Cinnox.Chatbot;

/// <summary>
/// Thrown when a <see cref="ChatbotDestination"/> or another piece of configuration is invalid.
/// Nothing has been sent when it is thrown.
/// </summary>
public sealed class ChatbotConfigurationException : Exception
{
    /// <summary>Initializes a new instance for a destination and the problems found in it.</summary>
    /// <param name="destinationName">The destination's name, when it has one.</param>
    /// <param name="issues">Every broken rule, each naming its field.</param>
    public ChatbotConfigurationException(string? destinationName, IReadOnlyList<ChatbotValidationIssue> issues)
        : base(ChatbotValidationException.Describe(
            string.IsNullOrWhiteSpace(destinationName)
                ? "The chatbot destination is invalid"
                : $"The chatbot destination '{destinationName}' is invalid",
            issues))
    {
        Issues = issues;
    }

    /// <summary>Initializes a new instance with a message of its own.</summary>
    /// <param name="message">The description of the problem.</param>
    public ChatbotConfigurationException(string message)
        : base(message)
    {
        Issues = [];
    }

    /// <summary>Initializes a new instance with a default message.</summary>
    public ChatbotConfigurationException()
        : this("The chatbot configuration is invalid.")
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">The description of the problem.</param>
    /// <param name="innerException">The cause.</param>
    public ChatbotConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Issues = [];
    }

    /// <summary>Gets every broken rule, each naming its field.</summary>
    public IReadOnlyList<ChatbotValidationIssue> Issues { get; }
}
