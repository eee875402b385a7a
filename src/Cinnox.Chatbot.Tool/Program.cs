using Cinnox.Chatbot.Tool.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the call (or the playground) and shows what arrived; a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await ToolApp.RunAsync(args, Console.Out, Console.Error, ToolApp.ToolName, cancellation.Token).ConfigureAwait(false);
