using System.Net;
using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Cinnox.Chatbot.Tests;

/// <summary>The registered client's retries live in its HttpClient's resilience handler, where users can replace them.</summary>
public class ChatbotClientHttpPipelineTests
{
    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task RegisteredClient_RetriableStatus_IsSentAgainByTheResilienceHandler(HttpStatusCode status)
    {
        var handler = BusyOnce(status);
        var logs = new FakeLogCollector();
        await using var provider = Provider(handler, logs);

        var reply = await provider.GetRequiredService<IChatbotClientFactory>().GetClient("bot").SendAsync(new ChatbotRequest("hi") { InquiryId = "enq-1" });

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        handler.Requests.Should().HaveCount(2);
        logs.GetSnapshot().Should().ContainSingle(record => record.Id.Name == "Retrying")
            .Which.Message.Should().Contain("'bot'").And.Contain("enq-1").And.Contain(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RegisteredClient_ErrorAfterTheHeaders_IsNeverSentAgain()
    {
        var handler = new ScriptedHandler((_, _) => Task.FromResult(ScriptedHandler.Body(
            new ChunkedStream(Sse.Delta("started"), endWith: new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.")))));
        await using var provider = Provider(handler, new FakeLogCollector());

        var reply = await provider.GetRequiredService<IChatbotClientFactory>().GetClient("bot").SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Text.Should().Be("started");
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task RegisteredClient_RetryOptionsTurnRetriesOff_SendsOnce()
    {
        var handler = BusyOnce(HttpStatusCode.ServiceUnavailable);
        await using var provider = Provider(handler, new FakeLogCollector(), builder => builder.ConfigureRetry(retry => retry.MaxRetryAttempts = 0));

        var reply = await provider.GetRequiredService<IChatbotClientFactory>().GetClient("bot").SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError);
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task RegisteredClient_ResilienceHandlersRemoved_SendsOnceAndStillWorks()
    {
        var handler = BusyOnce(HttpStatusCode.ServiceUnavailable);
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience; the documented way to replace the retries.
        await using var provider = Provider(handler, new FakeLogCollector(), builder => builder.HttpClientBuilder.RemoveAllResilienceHandlers());
#pragma warning restore EXTEXP0001

        var reply = await provider.GetRequiredService<IChatbotClientFactory>().GetClient("bot").SendAsync(new ChatbotRequest("hi"));

        reply.Outcome.Should().Be(ChatbotOutcome.HttpError, "the retries were the handler's, and the client does not retry on its own");
        reply.StatusCode.Should().Be(503);
        handler.Requests.Should().ContainSingle();
    }

    private static ScriptedHandler BusyOnce(HttpStatusCode status)
    {
        var attempts = 0;
        return new ScriptedHandler((_, _) => Task.FromResult(
            Interlocked.Increment(ref attempts) == 1 ? ScriptedHandler.Json("busy", status) : ScriptedHandler.Json(SeedExamples.Text("reply-text"))));
    }

    private static ServiceProvider Provider(ScriptedHandler handler, FakeLogCollector logs, Action<ChatbotClientBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var builder = services.AddCinnoxChatbotClient("bot", destination => destination.Url = new Uri("https://bot.example/hook"))
            .ConfigureRetry(retry => retry.BaseDelay = TimeSpan.Zero);
        builder.HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => handler);
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
