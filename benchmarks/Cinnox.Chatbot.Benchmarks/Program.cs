using BenchmarkDotNet.Running;
using Cinnox.Chatbot.Benchmarks;

// `-- load` runs the load harness; anything else goes to BenchmarkDotNet (for example `-- --filter '*StreamParsing*'`).
if (args is ["load", ..])
{
    return await LoadRun.RunAsync().ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
