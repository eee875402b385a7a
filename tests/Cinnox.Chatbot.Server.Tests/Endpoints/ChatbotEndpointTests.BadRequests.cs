using System.Net;
using System.Text;
using System.Text.Json;

namespace Cinnox.Chatbot.Server.Tests;

public sealed partial class ChatbotEndpointTests
{
    private static ValueTask<ChatbotServerReply> Ok(ChatbotRequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ChatbotReplies.Text("ok"));

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task MalformedJson_Answers400Problem(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, Ok);

        var answer = await bot.SendAsync(BotServer.Post("""{"query": "hi" """));

        AssertProblem(answer, HttpStatusCode.BadRequest);
        bot.ToolkitLogs.Should().Contain(entry => entry.Id.Id == 1 && entry.Message.Contains("400"));
    }

    [Theory]
    [InlineData("""{"queryParams":{}}""", "no query")]
    [InlineData("""{"query":null}""", "null query")]
    [InlineData("""{"query":42}""", "numeric query")]
    [InlineData("""{"query":["a"]}""", "array query")]
    [InlineData("""{"query":{"text":"a"}}""", "object query")]
    [InlineData("""{"queryResult":{"queryText":7}}""", "numeric legacy query")]
    [InlineData("""[]""", "array body")]
    [InlineData("\"hi\"", "string body")]
    [InlineData("", "empty body")]
    [InlineData("""{"query":"hi"} trailing""", "trailing content")]
    public async Task MissingOrNonStringQuery_Answers400Problem(string body, string because)
    {
        var called = false;
        await using var bot = await BotServer.StartAsync(Transport.InProcess, (context, token) =>
        {
            called = true;
            return Ok(context, token);
        });

        var answer = await bot.SendAsync(BotServer.Post(body));

        AssertProblem(answer, HttpStatusCode.BadRequest, because);
        called.Should().BeFalse(because);
    }

    [Theory]
    [MemberData(nameof(TransportTheoryData.All), MemberType = typeof(TransportTheoryData))]
    public async Task NonStringQuery_ProblemNamesTheRule(Transport transport)
    {
        await using var bot = await BotServer.StartAsync(transport, Ok);

        var answer = await bot.SendAsync(BotServer.Post("""{"query":42}"""));

        Problem(answer).GetProperty("detail").GetString().Should().Contain("'$.query' must be a string");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethod_Answers405WithAllowPost(string method)
    {
        await using var bot = await BotServer.StartAsync(Transport.Loopback, Ok);

        var request = new HttpRequestMessage(new HttpMethod(method), "chatbot");
        if (method != "GET")
        {
            request.Content = new StringContent("""{"query":"hi"}""", Encoding.UTF8, "application/json");
        }

        var answer = await bot.SendAsync(request);

        AssertProblem(answer, HttpStatusCode.MethodNotAllowed);
        answer.ContentHeaders.Allow.Should().Equal("POST");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=\"iso-8859-1\"")]
    [InlineData("application/json; charset=\"utf-16\"")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task WrongContentType_Answers415(string? contentType)
    {
        await using var bot = await BotServer.StartAsync(Transport.Loopback, Ok);

        var content = new ByteArrayContent("""{"query":"hi"}"""u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var answer = await bot.SendAsync(new HttpRequestMessage(HttpMethod.Post, "chatbot") { Content = content });

        AssertProblem(answer, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json;charset=\"UTF-8\"")]
    [InlineData("application/json; charset=\"utf8\"")]
    [InlineData("application/vnd.cinnox+json")]
    public async Task JsonContentTypes_AreAccepted(string contentType)
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, Ok);

        var content = new ByteArrayContent("""{"query":"hi"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var answer = await bot.SendAsync(new HttpRequestMessage(HttpMethod.Post, "chatbot") { Content = content });

        answer.Status.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Transport.InProcess, false)]
    [InlineData(Transport.Loopback, false)]
    [InlineData(Transport.Loopback, true)]
    public async Task Body_AtTheLimit_IsAcceptedAndOneByteMoreAnswers413(Transport transport, bool chunked)
    {
        const int Limit = 2048;
        await using var bot = await BotServer.StartAsync(transport, Ok, options => options.MaxRequestBodyBytes = Limit);

        var atLimit = BodyOfSize(Limit);
        var overLimit = BodyOfSize(Limit + 1);

        (await bot.SendAsync(Request(atLimit))).Status.Should().Be(HttpStatusCode.OK);
        AssertProblem(await bot.SendAsync(Request(overLimit)), HttpStatusCode.RequestEntityTooLarge);
        var again = await bot.SendAsync(Request(atLimit));
        again.Status.Should().Be(HttpStatusCode.OK, "the server stays healthy: " + again.Body + bot.LogText);

        HttpRequestMessage Request(byte[] body) => new(HttpMethod.Post, "chatbot")
        {
            Content = chunked ? new TricklingContent(body, 512) : Json(body),
        };
    }

    [Fact]
    public async Task Body_DeclaredFarOverTheLimit_Answers413WithoutReadingIt()
    {
        var called = false;
        await using var bot = await BotServer.StartAsync(Transport.Loopback, (context, token) =>
        {
            called = true;
            return Ok(context, token);
        });

        var answer = await bot.SendAsync(new HttpRequestMessage(HttpMethod.Post, "chatbot") { Content = Json(BodyOfSize(5 * 1024 * 1024)) });

        AssertProblem(answer, HttpStatusCode.RequestEntityTooLarge);
        called.Should().BeFalse();
    }

    [Fact]
    public async Task Problem_WithProblemDetailsServiceRegistered_IsWrittenByIt()
    {
        await using var bot = await BotServer.StartAsync(Transport.InProcess, app => app.MapCinnoxChatbot("/chatbot", Ok), services =>
        {
            services.AddProblemDetails(options => options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions["app"] = "custom");
        });

        var answer = await bot.SendAsync(BotServer.Post("{"));

        AssertProblem(answer, HttpStatusCode.BadRequest);
        Problem(answer).GetProperty("app").GetString().Should().Be("custom");
    }

    internal static void AssertProblem(BotServer.Answer answer, HttpStatusCode status, string because = "")
    {
        answer.Status.Should().Be(status, because);
        answer.MediaType.Should().Be("application/problem+json", because);
        var problem = Problem(answer);
        problem.GetProperty("status").GetInt32().Should().Be((int)status, because);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("type").GetString().Should().StartWith("https://");
        answer.Body.Should().NotContain("   at ", "no stack trace is ever sent").And.NotContain("Exception", because);
    }

    internal static JsonElement Problem(BotServer.Answer answer) => JsonDocument.Parse(answer.Body).RootElement;

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    private static byte[] BodyOfSize(int size)
    {
        var prefix = """{"query":"""u8.ToArray();
        var body = new byte[size];
        prefix.CopyTo(body, 0);
        body.AsSpan(prefix.Length, size - prefix.Length - 2).Fill((byte)'a');
        body[prefix.Length] = (byte)'"';
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';
        return body;
    }
}
