using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>The CINNOX actions as tools: what the model is offered, and the replies its calls become.</summary>
public sealed class ChatbotToolsTests
{
    private static Dictionary<string, object?> Choices(params object[] choices) => new() { ["choices"] = choices };

    [Fact]
    public async Task ActionTools_AreOfferedOnlyWhenChosen()
    {
        var model = new ScriptedChatClient();
        await using var plain = await ChatClientBots.StartAsync(Transport.InProcess, model);
        await using var some = await ChatClientBots.StartAsync(Transport.InProcess, model, options =>
        {
            options.ActionTools = ChatbotActionTools.TransferToLiveAgent | ChatbotActionTools.OfferChoices;
            options.ChatOptions = new ChatOptions { Tools = [ChatbotTools.OfferChoices] };
        });

        await plain.SendAsync(ChatClientBots.Request("hi"));
        await some.SendAsync(ChatClientBots.Request("hi"));

        model.Calls[0].Options!.Tools.Should().BeNull();
        model.Calls[1].Options!.Tools!.Select(tool => tool.Name).Should().Equal(ChatbotTools.OfferChoicesName, ChatbotTools.TransferToLiveAgentName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TransferCall_BeforeText_RepliesDirectTransferAsJson(bool stream)
    {
        var model = new ScriptedChatClient().EnqueueToolCall(ChatbotTools.TransferToLiveAgentName);
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.ActionTools = ChatbotActionTools.All);

        var answer = await bot.SendAsync(ChatClientBots.Request("a person please", stream: stream));

        answer.MediaType.Should().Be("application/json");
        answer.Message.Should().BeOfType<ChatbotTextMessage>().Which.Action.Should().Be(ChatbotAction.DirectTransfer);
    }

    [Fact]
    public async Task TransferCall_WhenNotOffered_IsIgnored()
    {
        var model = new ScriptedChatClient().EnqueueToolCall(ChatbotTools.TransferToLiveAgentName, null, "Sorry.");
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.ActionTools = ChatbotActionTools.CloseEnquiry);

        (await bot.SendAsync(ChatClientBots.Request("a person please"))).Text.Should().Be("Sorry.");
    }

    [Fact]
    public async Task CloseCall_RepliesCloseEnquiry_AndForgetsTheEnquiry()
    {
        var model = new ScriptedChatClient().EnqueueText("Hi!").EnqueueToolCall(ChatbotTools.CloseEnquiryName);
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.ActionTools = ChatbotActionTools.All);

        await bot.SendAsync(ChatClientBots.Request("hello", inquiryId: "e-1"));
        var closed = await bot.SendAsync(ChatClientBots.Request("bye", inquiryId: "e-1", stream: true));
        await bot.SendAsync(ChatClientBots.Request("back again", inquiryId: "e-1"));

        closed.Message.Should().BeOfType<ChatbotTextMessage>().Which.Action.Should().Be(ChatbotAction.CloseEnquiry);
        model.Calls[2].Lines.Should().Equal("user: back again");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OfferChoices_MakesABubbleAndAQuickReply_SentAsJsonEvenToAStreamingRequest(bool stream)
    {
        var model = new ScriptedChatClient().Enqueue((_, _) => Updates(
            new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("c1", ChatbotTools.OfferChoicesName, Choices("Opening hours", "Talk to a person about billing", "Opening hours", " "))]),
            new ChatResponseUpdate(ChatRole.Assistant, "What can I "),
            new ChatResponseUpdate(ChatRole.Assistant, "help with?")));
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.ActionTools = ChatbotActionTools.All);

        var answer = await bot.SendAsync(ChatClientBots.Request("menu", inquiryId: "e-1", stream: stream));

        answer.MediaType.Should().Be("application/json");
        var message = answer.Message.Should().BeOfType<ChatbotAdvancedMessage>().Subject;
        ChatbotMessageValidator.IsValid(message).Should().BeTrue();
        message.AdvancedItems[0].Should().BeOfType<BubbleContainer>().Which.Items.Should().ContainSingle()
            .Which.Should().BeOfType<TextItem>().Which.Text.Should().Be("What can I help with?");
        var buttons = message.AdvancedItems[1].Should().BeOfType<QuickReplyContainer>().Subject.Items.Cast<ButtonItem>().ToList();
        buttons.Select(button => button.Text).Should().Equal("Opening hours", "Talk to a person ab…");
        buttons.Select(button => ((PostbackAction)button.Action!).Text).Should().Equal("Opening hours", "Talk to a person about billing");
    }

    [Fact]
    public async Task OfferChoices_AsJsonText_FromAProvider_IsRead()
    {
        using var arguments = System.Text.Json.JsonDocument.Parse("""{"choices":["Yes","No"]}""");
        var model = new ScriptedChatClient().EnqueueToolCall(
            ChatbotTools.OfferChoicesName, new Dictionary<string, object?> { ["choices"] = arguments.RootElement.GetProperty("choices").Clone() });
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.ActionTools = ChatbotActionTools.All);

        var message = (ChatbotAdvancedMessage)(await bot.SendAsync(ChatClientBots.Request("ok?"))).Message;

        message.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<QuickReplyContainer>()
            .Which.Items.Cast<ButtonItem>().Select(button => button.Text).Should().Equal("Yes", "No");
    }

    [Fact]
    public async Task TransferCall_AfterTextStarted_StreamEndsAsCompleteTextWithoutTheAction_AndIsLogged()
    {
        var model = new ScriptedChatClient().EnqueueToolCall(ChatbotTools.TransferToLiveAgentName, null, "Let me ", "check. ");
        await using var bot = await ChatClientBots.StartAsync(Transport.InProcess, model, options => options.ActionTools = ChatbotActionTools.All);

        var events = await ChatClientBots.StreamAsync(bot, ChatClientBots.Request("help", stream: true));

        var final = EventStreams.Message(events[^1].Data);
        final.StreamType!.Value.IsTerminal.Should().BeTrue();
        final.Text.Should().Be("Let me check. ");
        final.Action.Should().Be(ChatbotAction.None);
        var warning = await bot.WaitForLogAsync(20);
        warning.Message.Should().Contain(ChatbotTools.TransferToLiveAgentName);
    }

    [Fact]
    public async Task Tools_HaveExplicitSchemas_AndTellTheModelWhatHappens()
    {
        ChatbotTools.OfferChoices.JsonSchema.GetProperty("required")[0].GetString().Should().Be("choices");
        ChatbotTools.TransferToLiveAgent.JsonSchema.GetProperty("type").GetString().Should().Be("object");

        var result = await ChatbotTools.CloseEnquiry.InvokeAsync(new AIFunctionArguments());

        result.Should().BeOfType<string>().Which.Should().Contain("closed");
    }

    private static async IAsyncEnumerable<ChatResponseUpdate> Updates(params ChatResponseUpdate[] updates)
    {
        foreach (var update in updates)
        {
            await Task.Yield();
            yield return update;
        }
    }
}
