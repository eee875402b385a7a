using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot;

/// <summary>Validates registered destinations with <see cref="ChatbotDestination.Validate"/>, so every rule and message is the same as for a client built by hand.</summary>
internal sealed class ChatbotDestinationValidator : IValidateOptions<ChatbotDestination>
{
    public ValidateOptionsResult Validate(string? name, ChatbotDestination options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ToResult($"Chatbot destination '{name}'", options.Validate());
    }

    /// <summary>Turns validation issues into an options result, each failure naming what was validated.</summary>
    internal static ValidateOptionsResult ToResult(string subject, IReadOnlyList<ChatbotValidationIssue> issues) =>
        issues.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(issues.Select(issue => $"{subject}: {issue}"));
}
