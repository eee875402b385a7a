namespace Cinnox.Chatbot.Tests;

public class ChatbotReplyTests
{
    [Fact]
    public void Keyword_NotSet_FollowsTheAction()
    {
        // A custom client that sets only the action still tells a consumer not to show the keyword.
        var reply = new ChatbotReply { Outcome = ChatbotOutcome.Completed, Text = ChatbotKeywords.CloseEnquiry, Action = ChatbotAction.CloseEnquiry };

        reply.Keyword.Should().Be(ChatbotAction.CloseEnquiry);
        reply.IsActionRefused.Should().BeFalse();
    }

    [Fact]
    public void IsActionRefused_KeywordWithoutItsAction_IsTrue()
    {
        var reply = new ChatbotReply { Outcome = ChatbotOutcome.Completed, Text = ChatbotKeywords.DirectTransfer, Keyword = ChatbotAction.DirectTransfer };

        reply.Action.Should().Be(ChatbotAction.None);
        reply.IsActionRefused.Should().BeTrue();
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("half an ans", true)]
    public void Interrupted_KeepsTheTextAsAMessageWhenThereIsAny(string text, bool hasMessage)
    {
        var warning = new ChatbotWarning(ChatbotWarningCodes.MalformedEvent, "bad");

        var reply = ChatbotReply.Interrupted(text, "The updates ended without a final reply.", [warning]);

        reply.Should().BeEquivalentTo(new
        {
            Outcome = ChatbotOutcome.Interrupted,
            Text = text,
            Action = ChatbotAction.None,
            Keyword = ChatbotAction.None,
            Streamed = true,
            FailureReason = "The updates ended without a final reply.",
            IsPartial = hasMessage,
        });
        reply.Warnings.Should().Equal(warning);
        (reply.Message as ChatbotTextMessage)?.Text.Should().Be(text);
        (reply.Message is null).Should().Be(!hasMessage);
    }

    [Fact]
    public async Task ToReplyAsync_UpdatesEndingEarly_FoldIntoTheInterruptedReply()
    {
        var reply = await Updates(ChatbotReplyUpdate.Delta("a"), ChatbotReplyUpdate.Replace("bc"), ChatbotReplyUpdate.Delta("d")).ToReplyAsync();

        reply.Should().BeEquivalentTo(ChatbotReply.Interrupted("bcd", "The updates ended without a final reply."));
    }

    private static async IAsyncEnumerable<ChatbotReplyUpdate> Updates(params ChatbotReplyUpdate[] updates)
    {
        foreach (var update in updates)
        {
            await Task.Yield();
            yield return update;
        }
    }
}
