using System.Net;
using System.Net.Sockets;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// docs/protocol.md#hostile-bots, property style: whatever a bot does at whichever point of the exchange, with a JSON or an event-stream
/// reply, <c>SendAsync</c> returns exactly one reply and <c>StreamAsync</c> ends with exactly one <c>Completed</c>
/// update, and no exception leaves the call.
/// </summary>
public class ChatbotClientHostilePeerTests
{
    public static TheoryData<string, bool, bool> Cases()
    {
        var cases = new TheoryData<string, bool, bool>();
        foreach (var fault in HostileResponses.All.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var json in new[] { true, false })
            {
                cases.Add(fault, json, true);
                if (fault.StartsWith("redirect/", StringComparison.Ordinal))
                {
                    cases.Add(fault, json, false);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnyFault_EndsWithExactlyOneOutcome(string fault, bool json, bool followRedirects)
    {
        var respond = HostileResponses.All[fault];
        await using var peer = respond is null ? null : RawHttpPeer.Start(exchange => respond(exchange, json));
        var url = peer?.Url ?? new Uri($"http://127.0.0.1:{FreePort()}/bot");
        await using var factory = new ClientFactory(url, destination =>
        {
            destination.Headers["X-Api-Key"] = "never-elsewhere";
            destination.FollowSameOriginRedirects = followRedirects;
            destination.Limits.TotalResponseTime = TimeSpan.FromSeconds(20);
        }, streaming: !json);

        var sent = await factory.Client.SendAsync(new ChatbotRequest("hi") { InquiryId = "enq-1" });
        AssertOneOutcome(sent, fault);

        var updates = new List<ChatbotReplyUpdate>();
        await foreach (var update in factory.Client.StreamAsync(new ChatbotRequest("hi") { InquiryId = "enq-1" }))
        {
            updates.Add(update);
        }

        updates.Count(update => update.Kind == ChatbotReplyUpdateKind.Completed).Should().Be(1, "fault {0}", fault);
        updates[^1].Kind.Should().Be(ChatbotReplyUpdateKind.Completed);
        AssertOneOutcome(updates[^1].Reply!, fault);
    }

    private static void AssertOneOutcome(ChatbotReply reply, string fault)
    {
        Enum.IsDefined(reply.Outcome).Should().BeTrue();
        if (reply.IsCompleted)
        {
            reply.Message.Should().NotBeNull("a completed reply of fault {0} has a message", fault);
            reply.FailureReason.Should().BeNull();
        }
        else
        {
            reply.FailureReason.Should().NotBeNullOrWhiteSpace("fault {0} ended as {1}", fault, reply.Outcome);
        }

        if (fault == "headers/content-encoding")
        {
            reply.Outcome.Should().Be(ChatbotOutcome.InvalidResponse);
            reply.Text.Should().BeEmpty();
        }

        if (fault.StartsWith("redirect/", StringComparison.Ordinal))
        {
            reply.Outcome.Should().Be(ChatbotOutcome.HttpError, "fault {0}", fault);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
