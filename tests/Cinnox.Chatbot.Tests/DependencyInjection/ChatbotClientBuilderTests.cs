using System.Text.RegularExpressions;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.Tests;

public partial class ChatbotClientBuilderTests
{
    [Fact]
    public async Task Use_Middleware_WrapsTheClientFirstAddedOutermost()
    {
        var calls = new List<string>();
        ScriptedHandler? handler = null;
        var services = new ServiceCollection();
        services.AddCinnoxChatbotClient("bot", destination => destination.Url = new Uri("https://bot.example/chat"))
            .Use(inner => new RecordingClient(inner, "outer", calls))
            .Use((inner, provider) => new RedactingClient(inner))
            .Use(inner => new RecordingClient(inner, "inner", calls))
            .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() =>
                handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Json(SeedExamples.Text("reply-text")))));
        await using var provider = services.BuildServiceProvider();

        var reply = await provider.GetRequiredKeyedService<IChatbotClient>("bot").SendAsync("my card is 4111 1111 1111 1111");

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        calls.Should().Equal("outer", "inner");
        handler!.Requests.Should().ContainSingle().Which.Body.Should().Contain("my card is #### #### #### ####").And.NotContain("4111");
    }

    [Fact]
    public void Use_NullMiddleware_Throws()
    {
        var builder = new ServiceCollection().AddCinnoxChatbotClient("bot", destination => destination.Url = new Uri("https://bot.example/chat"));

        builder.Invoking(b => b.Use((Func<IChatbotClient, IChatbotClient>)null!)).Should().Throw<ArgumentNullException>();
    }

    private sealed class RecordingClient(IChatbotClient inner, string name, List<string> calls) : DelegatingChatbotClient(inner)
    {
        public override Task<ChatbotReply> SendAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
        {
            calls.Add(name);
            return base.SendAsync(request, options, cancellationToken);
        }
    }

    /// <summary>The sample middleware of docs/client.md: card numbers never leave the process.</summary>
    private sealed partial class RedactingClient(IChatbotClient inner) : DelegatingChatbotClient(inner)
    {
        public override Task<ChatbotReply> SendAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
        {
            request.Query = Digits().Replace(request.Query, "#");
            return base.SendAsync(request, options, cancellationToken);
        }

        public override IAsyncEnumerable<ChatbotReplyUpdate> StreamAsync(ChatbotRequest request, ChatbotSendOptions? options = null, CancellationToken cancellationToken = default)
        {
            request.Query = Digits().Replace(request.Query, "#");
            return base.StreamAsync(request, options, cancellationToken);
        }

        [GeneratedRegex("[0-9]")]
        private static partial Regex Digits();
    }
}
