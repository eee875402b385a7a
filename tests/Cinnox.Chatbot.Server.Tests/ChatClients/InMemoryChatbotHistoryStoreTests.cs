using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Cinnox.Chatbot.Server.Tests;

/// <summary>The default history store: bounded per enquiry and in enquiries, forgotten after its sliding expiration.</summary>
public sealed class InMemoryChatbotHistoryStoreTests
{
    private static ChatMessage[] Turn(string visitor, string bot) => [new(ChatRole.User, visitor), new(ChatRole.Assistant, bot)];

    private static async Task<IEnumerable<string>> TextsAsync(IChatbotHistoryStore store, string inquiryId) =>
        (await store.GetAsync(inquiryId)).Select(message => $"{message.Role}: {message.Text}");

    [Fact]
    public async Task MaxMessagesPerEnquiry_KeepsExactlyThatMany_DroppingTheOldest()
    {
        var store = new InMemoryChatbotHistoryStore(new InMemoryChatbotHistoryOptions { MaxMessagesPerEnquiry = 3 });

        await store.AppendAsync("e-1", Turn("one", "1"));
        (await TextsAsync(store, "e-1")).Should().HaveCount(2);
        await store.AppendAsync("e-1", Turn("two", "2"));

        (await TextsAsync(store, "e-1")).Should().Equal("assistant: 1", "user: two", "assistant: 2");
    }

    [Fact]
    public async Task MaxEnquiries_ForgetsTheLeastRecentlyUsed()
    {
        var store = new InMemoryChatbotHistoryStore(new InMemoryChatbotHistoryOptions { MaxEnquiries = 2 });
        await store.AppendAsync("a", Turn("a", "A"));
        await store.AppendAsync("b", Turn("b", "B"));
        await store.GetAsync("a");

        await store.AppendAsync("c", Turn("c", "C"));

        store.Count.Should().Be(2);
        (await store.GetAsync("b")).Should().BeEmpty();
        (await store.GetAsync("a")).Should().HaveCount(2);
        (await store.GetAsync("c")).Should().HaveCount(2);
    }

    [Fact]
    public async Task SlidingExpiration_ExactlyAtTheLimitIsKept_OneTickLaterIsGone()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryChatbotHistoryStore(new InMemoryChatbotHistoryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) }, time);
        await store.AppendAsync("e-1", Turn("hi", "hello"));

        time.Advance(TimeSpan.FromMinutes(10));
        (await store.GetAsync("e-1")).Should().HaveCount(2, "exactly the expiration after the last use is still kept");

        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1));
        (await store.GetAsync("e-1")).Should().BeEmpty();
        store.Count.Should().Be(0);
    }

    [Fact]
    public async Task SlidingExpiration_IsRenewedByEveryUse_AndExpiredEnquiriesAreDroppedAsTheStoreIsUsed()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryChatbotHistoryStore(new InMemoryChatbotHistoryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) }, time);
        await store.AppendAsync("busy", Turn("hi", "hello"));
        await store.AppendAsync("idle", Turn("hi", "hello"));

        time.Advance(TimeSpan.FromMinutes(6));
        await store.GetAsync("busy");
        time.Advance(TimeSpan.FromMinutes(6));
        await store.AppendAsync("busy", Turn("still", "here"));

        store.Count.Should().Be(1);
        (await store.GetAsync("busy")).Should().HaveCount(4);
    }

    [Fact]
    public async Task Messages_AreCopies_SoChangingThemLeavesTheStoreAlone()
    {
        var store = new InMemoryChatbotHistoryStore();
        var turn = Turn("hi", "hello");
        await store.AppendAsync("e-1", turn);

        turn[0].Contents.Clear();
        (await store.GetAsync("e-1"))[0].Contents.Clear();

        (await TextsAsync(store, "e-1")).Should().Equal("user: hi", "assistant: hello");
    }

    [Fact]
    public async Task Remove_ForgetsTheEnquiry()
    {
        var store = new InMemoryChatbotHistoryStore();
        await store.AppendAsync("e-1", Turn("hi", "hello"));

        await store.RemoveAsync("e-1");

        (await store.GetAsync("e-1")).Should().BeEmpty();
    }

    [Theory]
    [InlineData(nameof(InMemoryChatbotHistoryOptions.MaxMessagesPerEnquiry))]
    [InlineData(nameof(InMemoryChatbotHistoryOptions.MaxEnquiries))]
    [InlineData(nameof(InMemoryChatbotHistoryOptions.SlidingExpiration))]
    public void Options_OutOfRange_AreRefusedNamingTheProperty(string property)
    {
        var options = new InMemoryChatbotHistoryOptions();
        switch (property)
        {
            case nameof(InMemoryChatbotHistoryOptions.MaxMessagesPerEnquiry):
                options.MaxMessagesPerEnquiry = 0;
                break;
            case nameof(InMemoryChatbotHistoryOptions.MaxEnquiries):
                options.MaxEnquiries = 0;
                break;
            default:
                options.SlidingExpiration = TimeSpan.Zero;
                break;
        }

        var create = () => new InMemoryChatbotHistoryStore(options);

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(property);
    }

    [Fact]
    public async Task ConcurrentTurns_AreAllKeptWithinTheBound()
    {
        var store = new InMemoryChatbotHistoryStore(new InMemoryChatbotHistoryOptions { MaxMessagesPerEnquiry = 50 });

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () => await store.AppendAsync("e-1", Turn($"q{i}", $"a{i}")))));

        (await store.GetAsync("e-1")).Should().HaveCount(50);
    }
}
