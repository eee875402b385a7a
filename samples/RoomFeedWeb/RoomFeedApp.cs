using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RoomFeedWeb;

/// <summary>
/// The web app: <c>GET /rooms/{id}/events</c> streams a room's committed events as SSE (the event's id is its sequence, so a
/// browser's automatic reconnect sends <c>Last-Event-ID</c> and resumes exactly after it); <c>POST /rooms/{id}/messages</c>
/// posts through this node; <c>GET /</c> is a page that shows a room live.
/// </summary>
internal static class RoomFeedApp
{
    /// <summary>Builds the app; the store comes from <c>ConnectionStrings:rooms</c> unless <paramref name="configureServices"/> registers one.</summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (configureServices is null)
        {
            var connectionString = builder.Configuration.GetConnectionString("rooms")
                ?? throw new InvalidOperationException("Set ConnectionStrings:rooms to an Npgsql connection string (--ConnectionStrings:rooms \"Host=…;Database=…;Username=…;Password=…\").");
            builder.Services.AddPostgreSqlRoomStore(options => options.ConnectionString = connectionString);
        }
        else
        {
            configureServices(builder.Services);
        }

        builder.Services.AddSingleton(provider => new RoomRepository(provider.GetRequiredService<IRoomStore>()));
        var app = builder.Build();
        app.MapGet("/", () => Results.Stream(typeof(RoomFeedApp).Assembly.GetManifestResourceStream("index.html")!, "text/html; charset=utf-8"));
        app.MapGet("/rooms/{roomId}/events", (string roomId, [FromHeader(Name = "Last-Event-ID")] long? lastEventId, long? after, IRoomChangeFeed feed, CancellationToken cancellationToken) =>
            TypedResults.ServerSentEvents(StreamAsync(feed, roomId, lastEventId ?? after ?? 0, cancellationToken)));
        app.MapPost("/rooms/{roomId}/messages", async (string roomId, PostedMessage posted, RoomRepository rooms, CancellationToken cancellationToken) =>
        {
            try
            {
                var result = await rooms.ExecuteAsync(roomId, context => context.Room.PostText(posted.Sender, posted.Text), posted.ClientId, cancellationToken);
                return Results.Ok(new { id = result.MessageId, sequence = result.MessageSequence });
            }
            catch (ChatRoomRuleException refusal)
            {
                return Results.Problem(refusal.Message, statusCode: StatusCodes.Status409Conflict, title: refusal.Rule.ToString());
            }
        });
        return app;
    }

    // Each browser reads the feed from where it left off; the event's own JSON is the data, its type the event name. A
    // first "ready" event (no id, so it does not move Last-Event-ID) sends the headers at once, before any room event.
    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(IRoomChangeFeed feed, string roomId, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<string>(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"after\":{after}}}"), "ready");
        await foreach (var stored in feed.SubscribeAsync(roomId, after, cancellationToken))
        {
            yield return new SseItem<string>(Encoding.UTF8.GetString(stored.Data.Span), stored.Type) { EventId = stored.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>A message posted from the page.</summary>
    /// <param name="Sender">The sender's member id.</param>
    /// <param name="Text">The text.</param>
    /// <param name="ClientId">An idempotency key, so a retried post lands once.</param>
    internal sealed record PostedMessage(string Sender, string Text, string? ClientId);
}
