using ChatbotCli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the call and shows what arrived; a second one ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CliApp.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
