using Cinnox.Chatbot.IntegrationTests.Client;
using Cinnox.Chatbot.Server;
using Cinnox.Chatbot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Cinnox.Chatbot.IntegrationTests.ChatClients;

/// <summary>
/// Both bridges over real loopback sockets: an <see cref="IChatClient"/> served as a CINNOX bot, called through
/// <c>ChatbotClient.AsIChatClient()</c>, reads like the model itself.
/// </summary>
public sealed class ChatClientRoundTripTests
{
    private static Task<LoopbackServer> ServeAsync(IChatClient model, Action<ChatClientChatbotOptions>? configure = null) =>
        LoopbackServer.StartAsync(services => services.AddCinnoxChatbotServer(), app => app.MapCinnoxChatbot("/chatbot", model, configure));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RoundTrip_GivesTheModelsText(bool streaming)
    {
        var pieces = new[] { "Héllo ", "wörld 👋", ", ", "here is a longer piece of text that ", "ends." };
        var model = new ScriptedChatClient().EnqueueText(pieces).EnqueueText(pieces);
        var direct = await new ScriptedChatClient().EnqueueText(pieces).GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        await using var server = await ServeAsync(model);
        await using var factory = new ClientFactory(server.Url("chatbot"), streaming: streaming);
        using var chat = factory.Client.AsIChatClient();

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        var updates = await chat.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]).ToListAsync();

        response.Text.Should().Be(direct.Text);
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.AdditionalProperties![ChatbotChatKeys.Streamed].Should().Be(streaming);
        updates.ToChatResponse().Text.Should().Be(direct.Text);
        if (streaming)
        {
            updates.Count(update => update.Text.Length > 0).Should().BeGreaterThan(1, "the model's pieces arrive as they are made");
        }
    }

    [Fact]
    public async Task RoundTrip_TheEnquiryIdCarriesTheConversation()
    {
        var model = new ScriptedChatClient();
        await using var server = await ServeAsync(model);
        await using var factory = new ClientFactory(server.Url("chatbot"));
        using var chat = factory.Client.AsIChatClient();
        var enquiry = new ChatOptions { AdditionalProperties = new() { [ChatbotChatKeys.InquiryId] = "e-1" } };

        await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "my name is Ann")], enquiry);
        var second = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "who am I?")], enquiry);

        second.Text.Should().Be("Echo: who am I?");
        model.Calls[1].Messages.Select(message => message.Text).Should().Equal("my name is Ann", "Echo: my name is Ann", "who am I?");
    }

    [Fact]
    public async Task RoundTrip_ATransferToolCallIsTheDirectTransferFinishReason()
    {
        var model = new ScriptedChatClient().EnqueueToolCall(ChatbotTools.TransferToLiveAgentName);
        await using var server = await ServeAsync(model, options => options.ActionTools = ChatbotActionTools.All);
        await using var factory = new ClientFactory(server.Url("chatbot"), destination => destination.TransferToLiveAgent = true);
        using var chat = factory.Client.AsIChatClient();

        var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "a person, please")]);

        response.FinishReason.Should().Be(ChatbotFinishReasons.DirectTransfer);
        response.AdditionalProperties![ChatbotChatKeys.Action].Should().Be(nameof(ChatbotAction.DirectTransfer));
    }
}
