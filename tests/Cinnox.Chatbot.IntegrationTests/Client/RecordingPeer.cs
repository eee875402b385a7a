using System.Text;
using Cinnox.Chatbot.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cinnox.Chatbot.IntegrationTests.Client;

/// <summary>
/// A stubbed bot (WireMock.Net) that records every request it receives and answers each with a status, an optional
/// <c>Location</c>, and a JSON reply for a 2xx.
/// </summary>
internal sealed class RecordingPeer : IAsyncDisposable
{
    private const string JsonReply = "{\"message\":{\"type\":1,\"text\":\"from the bot\"}}";
    private readonly WireMockServer _server;

    public RecordingPeer(Func<RecordedRequest, (int Status, string? Location)> answer)
    {
        _server = StubbedBot.Start();
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(message =>
        {
            var (status, location) = answer(Record(message));
            var response = new ResponseMessage { StatusCode = status };
            response.AddHeader("Content-Type", "application/json");
            if (location is not null)
            {
                response.AddHeader("Location", location);
            }

            if (status is >= 200 and < 300)
            {
                response.BodyData = new WireMock.Util.BodyData
                {
                    DetectedBodyType = WireMock.Types.BodyType.String,
                    BodyAsString = JsonReply,
                    Encoding = Encoding.UTF8,
                };
            }

            return response;
        }));
    }

    public RecordingPeer(int status, string location)
        : this(_ => (status, location))
    {
    }

    /// <summary>Starts a peer that answers every request with a 200 JSON reply.</summary>
    public RecordingPeer()
        : this(_ => (200, null))
    {
    }

    public Uri Url => _server.Url("/");

    public IReadOnlyList<RecordedRequest> Requests => [.. _server.LogEntries.Select(entry => Record(entry.RequestMessage))];

    public ValueTask DisposeAsync()
    {
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    private static RecordedRequest Record(IRequestMessage message)
    {
        var head = new StringBuilder().Append(message.Method).Append(' ').Append(new Uri(message.Url).PathAndQuery).Append(" HTTP/1.1\r\n");
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            head.Append(name).Append(": ").Append(string.Join(", ", values)).Append("\r\n");
        }

        return new RecordedRequest(head.ToString(), message.Body ?? string.Empty);
    }
}
