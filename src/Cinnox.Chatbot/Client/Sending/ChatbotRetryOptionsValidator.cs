using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot;

/// <summary>Validates registered retry options with <see cref="ChatbotRetryOptions.Validate"/>.</summary>
internal sealed class ChatbotRetryOptionsValidator : IValidateOptions<ChatbotRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatbotRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ChatbotDestinationValidator.ToResult($"Retry options of chatbot destination '{name}'", options.Validate());
    }
}
