using System.ClientModel;
using Cinnox.Chatbot.Server;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Cinnox.Chatbot.Samples;

/// <summary>
/// A General Chatbot whose answers come from an <see cref="IChatClient"/>: an OpenAI-compatible endpoint, Ollama, or,
/// with neither configured, the built-in <see cref="RuleBasedChatClient"/>. The model may transfer the visitor, close
/// the enquiry and offer choices; the enquiry's history is kept in memory.
/// </summary>
public static class AiBot
{
    /// <summary>The path the bot is served on.</summary>
    public const string Path = "/chatbot";

    /// <summary>The instructions the model gets.</summary>
    public const string Instructions =
        "You are the friendly support assistant of an online shop. Answer briefly. When the visitor asks for a person, " +
        "transfer them; when they say goodbye, close the enquiry; when a few options would help, offer them as choices.";

    /// <summary>Registers the toolkit and the chat client chosen by configuration.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">Keys <c>AIBOT_OPENAI_APIKEY</c>, <c>AIBOT_OPENAI_MODEL</c>, <c>AIBOT_OPENAI_ENDPOINT</c>, <c>AIBOT_OLLAMA_ENDPOINT</c>, <c>AIBOT_OLLAMA_MODEL</c>.</param>
    /// <returns>Which model answers, in a sentence for the console.</returns>
    public static AiBotModel AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var model = Choose(configuration);
        services.AddCinnoxChatbotServer(options => options.ApiKey = configuration["CHATBOT_API_KEY"]);
        services.AddChatClient(model.Client).UseFunctionInvocation();
        return model;
    }

    /// <summary>Maps the bot on <see cref="Path"/>.</summary>
    /// <param name="app">The application.</param>
    public static void Map(WebApplication app) =>
        app.MapCinnoxChatbotChatClient(Path, options =>
        {
            options.Instructions = Instructions;
            options.ActionTools = ChatbotActionTools.All;
        });

    private static AiBotModel Choose(IConfiguration configuration)
    {
        if (configuration["AIBOT_OPENAI_APIKEY"] is { Length: > 0 } apiKey)
        {
            var modelId = configuration["AIBOT_OPENAI_MODEL"] is { Length: > 0 } configured ? configured : "gpt-4o-mini";
            var options = new OpenAIClientOptions();
            if (configuration["AIBOT_OPENAI_ENDPOINT"] is { Length: > 0 } endpoint)
            {
                options.Endpoint = new Uri(endpoint);
            }

            var client = new OpenAIClient(new ApiKeyCredential(apiKey), options).GetChatClient(modelId).AsIChatClient();
            return new AiBotModel(client, $"AiBot answers with the OpenAI-compatible model '{modelId}' at {options.Endpoint?.ToString() ?? "api.openai.com"}.");
        }

        if (configuration["AIBOT_OLLAMA_ENDPOINT"] is { Length: > 0 } ollama)
        {
            var modelId = configuration["AIBOT_OLLAMA_MODEL"] is { Length: > 0 } configured ? configured : "llama3.2";
            return new AiBotModel(new OllamaApiClient(new Uri(ollama), modelId), $"AiBot answers with the Ollama model '{modelId}' at {ollama}.");
        }

        return new AiBotModel(new RuleBasedChatClient(),
            "AiBot: no model is configured (set AIBOT_OPENAI_APIKEY, or AIBOT_OLLAMA_ENDPOINT). Answering with the built-in " +
            "rule-based chat client, which is NOT a language model: try 'hello', 'menu', 'agent' or 'bye'.");
    }
}
