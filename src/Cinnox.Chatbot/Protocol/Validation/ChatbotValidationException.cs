using System.Text;

namespace Cinnox.Chatbot;

/// <summary>
/// Thrown when a message that is about to be built or written breaks a rule of the protocol
/// (docs/protocol.md#advanced-message). <see cref="Issues"/> lists every rule broken, each with its JSON path.
/// </summary>
public sealed class ChatbotValidationException : Exception
{
    /// <summary>Initializes a new instance with the issues found.</summary>
    /// <param name="issues">The broken rules; at least one.</param>
    public ChatbotValidationException(IReadOnlyList<ChatbotValidationIssue> issues)
        : base(Describe("The message is not a valid CINNOX chatbot message", issues))
    {
        Issues = issues;
    }

    /// <summary>Initializes a new instance with a message of its own.</summary>
    /// <param name="message">The description of the problem.</param>
    public ChatbotValidationException(string message)
        : base(message)
    {
        Issues = [];
    }

    /// <summary>Initializes a new instance with no issues.</summary>
    public ChatbotValidationException()
        : this("The message is not a valid CINNOX chatbot message.")
    {
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">The description of the problem.</param>
    /// <param name="innerException">The cause.</param>
    public ChatbotValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Issues = [];
    }

    /// <summary>Gets every rule the message breaks, each with its JSON path.</summary>
    public IReadOnlyList<ChatbotValidationIssue> Issues { get; }

    internal static string Describe(string lead, IReadOnlyList<ChatbotValidationIssue> issues)
    {
        var text = new StringBuilder(lead);
        text.Append(issues.Count == 1 ? ": " : $" ({issues.Count} problems):");
        if (issues.Count == 1)
        {
            text.Append(issues[0]);
        }
        else
        {
            foreach (var issue in issues)
            {
                text.AppendLine().Append("  - ").Append(issue);
            }
        }

        return text.ToString();
    }
}
