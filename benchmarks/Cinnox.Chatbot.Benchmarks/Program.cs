using BenchmarkDotNet.Running;
using Cinnox.Chatbot.Benchmarks;

// `-- load` runs the load harness; anything else goes to BenchmarkDotNet (for example `-- --filter '*StreamParsing*'`).
if (args is ["load", ..])
{
    return await LoadRun.RunAsync().ConfigureAwait(false);
}

// `-- costs` counts allocations, work items and lock contentions per reply, which the machine's load does not change.
if (args is ["costs", .. var costArgs])
{
    return await CostProbe.RunAsync(costArgs).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
