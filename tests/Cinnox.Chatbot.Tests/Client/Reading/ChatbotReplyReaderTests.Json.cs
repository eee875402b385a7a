using System.Text;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

public partial class ChatbotReplyReaderTests
{
    public static TheoryData<string> AdvancedReplies => [.. SeedExamples.AdvancedReplyNames];

    [Fact]
    public async Task Read_JsonTextReply_IsCompleteWithItsText()
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync(SeedExamples.Text("reply-text"), "application/json", chunk: 3);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeFalse();
        reply.Text.Should().Be("Please contact our customer service support.");
        reply.Message.Should().BeOfType<ChatbotTextMessage>();
        reply.Action.Should().Be(ChatbotAction.None);
        reply.Warnings.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(AdvancedReplies))]
    public async Task Read_JsonAdvancedReply_KeepsTheAdvancedMessage(string name)
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync(SeedExamples.Text(name), "application/json");

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Message.Should().BeOfType<ChatbotAdvancedMessage>().Which.AdvancedItems.Should().NotBeEmpty();
        reply.Text.Should().BeEmpty();
        reply.Action.Should().Be(ChatbotAction.None);
    }

    [Fact]
    public async Task Read_JsonReplyWithUnknownMessageType_KeepsItWithAWarning()
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync("{\"message\":{\"type\":42,\"card\":{}}}", "application/json");

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Message.Should().BeOfType<ChatbotUnknownMessage>().Which.TypeNumber.Should().Be(42);
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.UnknownMessageType);
    }

    [Fact]
    public async Task Read_JsonAdvancedReplyWithUnknownContainer_WarnsAndKeepsIt()
    {
        var json = "{\"message\":{\"type\":5,\"advanced\":\"AdvancedMessage\",\"advancedItems\":[{\"type\":77,\"items\":[]}]}}";

        var reply = await ChatbotReplyReaderTests.ReadAsync(json, "application/json");

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Message.Should().BeOfType<ChatbotAdvancedMessage>().Which.AdvancedItems.Should().ContainSingle().Which.Should().BeOfType<UnknownContainer>();
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotValidationCodes.UnknownType);
    }

    [Theory]
    [InlineData("{\"message\":")]
    [InlineData("{\"reply\":{\"type\":1,\"text\":\"x\"}}")]
    [InlineData("[{\"message\":{\"type\":1}}]")]
    [InlineData("{\"message\":\"hello\"}")]
    [InlineData("<html>Bad gateway</html>")]
    public async Task Read_JsonThatIsNotACinnoxReply_IsAnInvalidResponse(string body)
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync(body, "application/json");

        reply.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
        reply.Message.Should().BeNull();
        reply.FailureReason.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task Read_EmptyBody_IsAnInvalidResponse(string? mediaType)
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync("  \r\n ", mediaType);

        reply.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
        reply.FailureReason.Should().Contain("empty");
    }

    [Fact]
    public async Task Read_JsonReplyThatBreaks_IsInterruptedWithoutText()
    {
        var stream = new ChunkedStream(SeedExamples.Text("reply-text")[..20], 4, new IOException("reset"));

        var reply = await ChatbotReplyReading.ReadReplyAsync(stream, "application/json");

        reply.Outcome.Should().Be(ChatbotOutcome.Interrupted);
        reply.Message.Should().BeNull();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public async Task Read_NoContentTypeAndABrace_IsReadAsJson(int chunk)
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync(" \r\n\t" + SeedExamples.Text("reply-text"), mediaType: null, chunk: chunk);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeFalse();
        reply.Text.Should().Be("Please contact our customer service support.");
        reply.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public async Task Read_NoContentTypeAndAnythingElse_IsReadAsAStream(int chunk)
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync("\n\n" + Sse.Delta("streamed"), mediaType: null, chunk: chunk);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().BeTrue();
        reply.Text.Should().Be("streamed");
    }

    [Theory]
    [InlineData("{\"message\":{\"type\":1,\"text\":\"bom\"}}", false)]
    [InlineData("data: {\"message\":{\"type\":1,\"text\":\"bom\"}}\n\n", true)]
    public async Task Read_ByteOrderMark_IsSkipped(string body, bool streamed)
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(body)).ToArray();

        var reply = await ChatbotReplyReading.ReadReplyAsync(new ChunkedStream(bytes, 1), mediaType: null);

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Streamed.Should().Be(streamed);
        reply.Text.Should().Be("bom");
    }

    [Fact]
    public async Task Read_UnexpectedContentType_IsSniffedWithAWarning()
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync(SeedExamples.Text("reply-text"), "text/plain");

        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
        reply.Warnings.Should().ContainSingle().Which.Code.Should().Be(ChatbotWarningCodes.UnexpectedContentType);
    }

    [Fact]
    public async Task Read_JsonContentTypeWithAStreamBody_IsReadAsJsonAndInvalid()
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync(Sse.Delta("x"), "application/json");

        reply.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
        reply.Streamed.Should().BeFalse();
    }

    [Theory]
    [InlineData(ChatbotKeywords.CloseEnquiry, false, ChatbotAction.CloseEnquiry)]
    [InlineData(ChatbotKeywords.DirectTransfer, true, ChatbotAction.DirectTransfer)]
    [InlineData(ChatbotKeywords.DirectTransfer, false, ChatbotAction.None)]
    public async Task Read_JsonKeywordReply_IsAnAction(string keyword, bool transfer, ChatbotAction expected)
    {
        var reply = await ChatbotReplyReaderTests.ReadAsync("{\"message\":{\"type\":1,\"text\":\"" + keyword + "\"}}", "application/json", transferToLiveAgent: transfer);

        reply.Action.Should().Be(expected);
        reply.Outcome.Should().Be(ChatbotOutcome.Completed);
    }

    [Fact]
    public async Task ReadUpdates_JsonTextReply_YieldsItsTextAsOneDelta()
    {
        using var reader = new ChatbotReplyReader(new ChatbotLimits());
        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in reader.ReadUpdatesAsync(new ChunkedStream(SeedExamples.Text("reply-text")), "application/json", CancellationToken.None))
        {
            updates.Add(update);
        }

        updates.Should().ContainSingle().Which.Should().Match<ChatbotReplyUpdate>(
            update => update.Kind == ChatbotReplyUpdateKind.Delta && update.Text == "Please contact our customer service support.");
    }
}
