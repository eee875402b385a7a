// The README's first command: a whole CINNOX enquiry, end to end, on this machine, with no setup.
//   dotnet run --project samples/ChatRoomDemo                  the scripted enquiry
//   dotnet run --project samples/ChatRoomDemo -- --interactive  you type as the visitor
using ChatRoomDemo;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        Runs a whole CINNOX enquiry on this machine: a chatbot on a loopback port, an enquiry room,
        replies streaming in, a transfer to a live agent, edits, recalls and unread badges.

          --interactive   type as the visitor (Enter sends; /press <button>; /quit)
          --no-delay      stream the bot's words without pausing between them
        """);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var settings = new DemoSettings(
    Terminal.ForConsole(),
    args.Contains("--no-delay") ? TimeSpan.Zero : TimeSpan.FromMilliseconds(35),
    args.Contains("--interactive") ? Console.In : null);
try
{
    return await Demo.RunAsync(settings, cancellation.Token);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    return 130;
}
