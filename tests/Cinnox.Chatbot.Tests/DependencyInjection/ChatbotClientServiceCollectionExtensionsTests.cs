using Cinnox.Chatbot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Cinnox.Chatbot.Tests;

public class ChatbotClientServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCinnoxChatbotClient_ManyDestinations_EachCallsItsOwnBot()
    {
        var services = new ServiceCollection();
        var seen = new List<Uri>();
        foreach (var tenant in new[] { "tenant-a", "tenant-b" })
        {
            services.AddCinnoxChatbotClient(tenant, destination =>
                {
                    destination.Url = new Uri($"https://{tenant}.example/bot");
                    destination.Headers["X-Tenant"] = tenant;
                })
                .HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new ScriptedHandler((request, _) =>
                {
                    lock (seen)
                    {
                        seen.Add(request.Uri);
                    }

                    return Task.FromResult(ScriptedHandler.Json(SeedExamples.Text("reply-text")));
                }));
        }

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var factory = provider.GetRequiredService<IChatbotClientFactory>();

        var a = await factory.GetClient("tenant-a").SendAsync("hi");
        var b = await provider.GetRequiredKeyedService<IChatbotClient>("tenant-b").SendAsync("hi");

        a.Outcome.Should().Be(ChatbotOutcome.Completed);
        b.Outcome.Should().Be(ChatbotOutcome.Completed);
        seen.Should().Equal(new Uri("https://tenant-a.example/bot"), new Uri("https://tenant-b.example/bot"));
        factory.GetClient("tenant-a").Destination.Name.Should().Be("tenant-a", "a destination without a name takes its registration name");
    }

    [Fact]
    public void AddCinnoxChatbotClient_InvalidDestination_FailsAtStartNamingTheField()
    {
        var services = new ServiceCollection();
        services.AddCinnoxChatbotClient("broken", destination =>
        {
            destination.Url = new Uri("ftp://bot.example/");
            destination.Headers["Content-Type"] = "text/plain";
        });
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(failure => failure.Contains("Url"))
            .And.Contain(failure => failure.Contains("Content-Type"));
        FluentActions.Invoking(() => provider.GetRequiredService<IChatbotClientFactory>().GetClient("broken"))
            .Should().Throw<ChatbotConfigurationException>().WithMessage("*Url*");
    }

    [Fact]
    public void AddCinnoxChatbotClient_InvalidRetryOptions_FailAtStart()
    {
        var services = new ServiceCollection();
        services.AddCinnoxChatbotClient("bot", destination => destination.Url = new Uri("https://bot.example/"))
            .ConfigureRetry(retry => retry.MaxRetryAttempts = -1);
        using var provider = services.BuildServiceProvider();

        var start = () => provider.GetRequiredService<IStartupValidator>().Validate();

        start.Should().Throw<OptionsValidationException>().WithMessage("*MaxRetryAttempts*");
    }

    [Fact]
    public void GetClient_UnknownName_SaysHowToRegisterIt()
    {
        var services = new ServiceCollection();
        services.AddCinnoxChatbotClient("known", destination => destination.Url = new Uri("https://bot.example/"));
        using var provider = services.BuildServiceProvider();

        var get = () => provider.GetRequiredService<IChatbotClientFactory>().GetClient("unknown");

        get.Should().Throw<ChatbotConfigurationException>().WithMessage("*'unknown'*AddCinnoxChatbotClient*");
    }

    [Fact]
    public void AddCinnoxChatbotClient_NamedHttpClient_HasNoTimeoutOfItsOwn()
    {
        var services = new ServiceCollection();
        var builder = services.AddCinnoxChatbotClient("bot", destination => destination.Url = new Uri("https://bot.example/"));
        using var provider = services.BuildServiceProvider();

        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(builder.HttpClientBuilder.Name);

        httpClient.Timeout.Should().Be(Timeout.InfiniteTimeSpan);
        builder.Name.Should().Be("bot");
        builder.Services.Should().BeSameAs(services);
    }

    [Fact]
    public void AddCinnoxChatbotClient_BlankName_IsRejected()
    {
        var add = () => new ServiceCollection().AddCinnoxChatbotClient(" ", _ => { });

        add.Should().Throw<ArgumentException>();
    }
}
