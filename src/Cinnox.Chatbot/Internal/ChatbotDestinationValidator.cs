using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot.Internal;

/// <summary>Validates registered destinations with <see cref="ChatbotDestination.Validate"/>, so every rule and message is the same as for a client built by hand.</summary>
internal sealed class ChatbotDestinationValidator : IValidateOptions<ChatbotDestination>
{
    public ValidateOptionsResult Validate(string? name, ChatbotDestination options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var issues = options.Validate();
        return issues.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(issues.Select(issue => $"Chatbot destination '{name}': {issue}"));
    }
}

/// <summary>Validates registered retry options with <see cref="ChatbotRetryOptions.Validate"/>.</summary>
internal sealed class ChatbotRetryOptionsValidator : IValidateOptions<ChatbotRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatbotRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var issues = options.Validate();
        return issues.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(issues.Select(issue => $"Retry options of chatbot destination '{name}': {issue}"));
    }
}
