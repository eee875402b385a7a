using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Server.Tests;

public sealed class ChatbotServerServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCinnoxChatbotServer_RegistersOptionsAndTheSystemClock()
    {
        var services = new ServiceCollection().AddCinnoxChatbotServer(options => options.MaxRequestBodyBytes = 42);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<ChatbotServerOptions>>().Value.MaxRequestBodyBytes.Should().Be(42);
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void AddCinnoxChatbotServer_KeepsARegisteredClock()
    {
        var time = new FakeTimeProvider();
        using var provider = new ServiceCollection().AddSingleton<TimeProvider>(time).AddCinnoxChatbotServer().BuildServiceProvider();

        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(time);
    }

    [Fact]
    public void AddCinnoxChatbotServer_CalledTwice_ConfiguresBoth()
    {
        using var provider = new ServiceCollection()
            .AddCinnoxChatbotServer(options => options.MaxRequestBodyBytes = 42)
            .AddCinnoxChatbotServer(options => options.ApiKey = "k")
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ChatbotServerOptions>>().Value;
        (options.MaxRequestBodyBytes, options.ApiKey).Should().Be((42, "k"));
    }

    [Fact]
    public async Task InvalidOptions_FailWhenTheHostStarts()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCinnoxChatbotServer(options => options.Limits.MaxEventBytes = 10);
        await using var app = builder.Build();

        var start = () => app.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Limits.MaxEventBytes");
    }

    [Fact]
    public async Task InvalidOptions_FailWhenTheEndpointIsMapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCinnoxChatbotServer(options => options.MaxRequestBodyBytes = -1);
        await using var app = builder.Build();

        var map = () => app.MapCinnoxChatbot("/chatbot", _ => ChatbotReplies.Text("ok"));

        map.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("MaxRequestBodyBytes");
    }

    [Fact]
    public async Task MapWithoutRegistration_UsesTheDefaults()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app => app.MapCinnoxChatbot("/chatbot", _ => ChatbotReplies.Text("ok")));

        (await bot.SendAsync(BotServer.PostQuery("hi"))).Text.Should().Be("ok");
    }

    [Fact]
    public void MapCinnoxChatbot_NullArguments_Throw()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();

        FluentActions.Invoking(() => app.MapCinnoxChatbot(null!, _ => ChatbotReplies.Text("ok"))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => app.MapCinnoxChatbot("/x", (Func<ChatbotRequestContext, ChatbotServerReply>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => app.MapCinnoxChatbot("/x", (Func<ChatbotRequestContext, ValueTask<ChatbotServerReply>>)null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ChatbotReplies.Stream(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ChatbotReplies.Message(null!)).Should().Throw<ArgumentNullException>();
    }
}
