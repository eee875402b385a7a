using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RoomFeedWeb;

namespace Cinnox.Chatbot.Rooms.PostgreSql.Tests.Samples;

/// <summary><c>samples/RoomFeedWeb</c>: two web nodes on one database; a browser on one sees what is posted through the other, and resumes after a reconnect.</summary>
public sealed class RoomFeedWebTests : SchemaScope
{
    [Fact]
    public async Task Events_PostedThroughAnotherNode_ReachTheBrowserInOrderAndResumeAfterLastEventId()
    {
        var setup = await OpenNodeAsync();
        await using (var rooms = new RoomRepository(setup, timeProvider: Clock))
        {
            await rooms.CreateAsync(new SpaceRoom("space-42", "Team", RoomMember.Staff("alice", "Alice"), timeProvider: Clock));
        }

        var created = (await setup.LoadAsync("space-42"))!.Version;
        string Id(long offset) => (created + offset).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using var watching = await StartNodeAsync();
        await using var posting = await StartNodeAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        using var request = new HttpRequestMessage(HttpMethod.Get, watching.Urls.First() + "/rooms/space-42/events");
        request.Headers.Add("Last-Event-ID", Id(0));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        await using var body = await response.Content.ReadAsStreamAsync(cancellation.Token);
        var events = SseParser.Create(body).EnumerateAsync(cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        (await events.MoveNextAsync()).Should().BeTrue();
        events.Current.EventType.Should().Be("ready", "the stream opens before any room event");

        for (var i = 1; i <= 3; i++)
        {
            (await http.PostAsJsonAsync(posting.Urls.First() + "/rooms/space-42/messages", new { sender = "alice", text = $"hello {i}", clientId = $"c-{i}" }, cancellation.Token))
                .EnsureSuccessStatusCode();
        }

        var seen = new List<(string? Id, string Type, string Data)>();
        while (seen.Count < 3 && await events.MoveNextAsync())
        {
            seen.Add((events.Current.EventId, events.Current.EventType, events.Current.Data));
        }

        seen.Select(item => (item.Id, item.Type)).Should().Equal((Id(1), "MessagePosted"), (Id(2), "MessagePosted"), (Id(3), "MessagePosted"));
        seen[2].Data.Should().Contain("hello 3");
        await events.DisposeAsync();

        // A browser that reconnects sends the last id it saw and gets only what came after.
        using var resumed = new HttpRequestMessage(HttpMethod.Get, watching.Urls.First() + "/rooms/space-42/events");
        resumed.Headers.Add("Last-Event-ID", Id(2));
        using var again = await http.SendAsync(resumed, HttpCompletionOption.ResponseHeadersRead, cancellation.Token);
        await using var againBody = await again.Content.ReadAsStreamAsync(cancellation.Token);
        await using var next = SseParser.Create(againBody).EnumerateAsync(cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        (await next.MoveNextAsync()).Should().BeTrue();
        (await next.MoveNextAsync()).Should().BeTrue();
        next.Current.EventId.Should().Be(Id(3));
    }

    private async Task<WebApplication> StartNodeAsync()
    {
        var store = await OpenNodeAsync();
        var app = RoomFeedApp.Build(["--urls", "http://127.0.0.1:0"], services => services.AddSingleton<IRoomStore>(store).AddSingleton<IRoomChangeFeed>(store));
        await app.StartAsync();
        return app;
    }
}
