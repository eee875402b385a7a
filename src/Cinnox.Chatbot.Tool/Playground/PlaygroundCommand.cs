using System.CommandLine;
using System.Globalization;
using Cinnox.Chatbot.Tool.Cli;

namespace Cinnox.Chatbot.Tool.Playground;

/// <summary>The <c>playground</c> command: a local web page that shows the bot as a visitor sees it, with the wire underneath.</summary>
internal sealed class PlaygroundCommand : IToolCommand
{
    private readonly EndpointOptions _endpoint = new();
    private readonly Option<string> _port = new("--port") { Description = "The local port (default: a free one)." };

    public PlaygroundCommand()
    {
        Command = new Command("playground", "Serves a local web page to chat with a bot and inspect the wire.");
        _endpoint.AddTo(Command);
        Command.Options.Add(_port);
    }

    public Command Command { get; }

    public string Usage(string program) => $"""
        Serves a local web page (on 127.0.0.1, everything embedded) to chat with a bot as a visitor would: streamed text,
        advanced messages, buttons, settings, a wire inspector with the checker's verdict, and transcripts to replay.

        usage: {program} playground --url URL [--port P] [--header "Name: value"]... [--param KEY=VALUE]...
                 [--context KEY=VALUE]... [--legacy] [--timeout-seconds N] [--max-event-bytes N] [--max-response-bytes N]

          --url URL                  the chatbot endpoint (absolute http or https URL)
          --port P                   the local port (default: a free one, printed at start)
          --header "Name: value"     a header sent with every request, such as an API key (repeatable; masked on the page)
          --param KEY=VALUE          a URL parameter, sent in the body's queryParams (repeatable)
          --context KEY=VALUE        a context field sent with every message (repeatable)
          --legacy                   start with the legacy body format

        Exit code: 0 when stopped with Ctrl+C, 1 when the port cannot be used, 2 for invalid arguments.
        """;

    public Func<CancellationToken, Task<int>>? Bind(ParseResult result, ToolConsole console, List<string> errors)
    {
        var settings = _endpoint.Bind(result, errors);
        var port = 0;
        if (result.GetValue(_port) is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535))
        {
            errors.Add($"--port '{text}' is not a port number (0 to 65535).");
        }

        if (errors.Count > 0 || settings.ToDestination("cinnox-chatbot-playground", stream: false, errors) is null)
        {
            return null;
        }

        return async cancellationToken =>
        {
            PlaygroundServer server;
            try
            {
                server = await PlaygroundServer.StartAsync(new PlaygroundSettings(settings, port), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                await console.Error.WriteLineAsync($"error: the playground cannot listen on 127.0.0.1:{port}: {exception.Message}").ConfigureAwait(false);
                return ToolExitCodes.Failure;
            }

            await using (server.ConfigureAwait(false))
            {
                await console.Output.WriteLineAsync($"Playground for {settings.Url} at {server.Address} (Ctrl+C to stop)").ConfigureAwait(false);
                await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Stopped with Ctrl+C.
                }
            }

            return ToolExitCodes.Success;
        };
    }
}
