using BenchmarkDotNet.Running;
using Cinnox.Chatbot.Benchmarks;

// `-- load` runs the load harness, `-- rooms [posts] [feed posts]` the room-store harness; anything else goes to
// BenchmarkDotNet (for example `-- --filter '*StreamParsing*'`).
if (args is ["load", ..])
{
    return await LoadRun.RunAsync().ConfigureAwait(false);
}

if (args is ["rooms", ..])
{
    var posts = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_600;
    var feedPosts = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 400;
    return await RoomStoreLoadRun.RunAsync(posts, feedPosts).ConfigureAwait(false);
}

// `-- costs` counts allocations, work items and lock contentions per reply, which the machine's load does not change.
if (args is ["costs", .. var costArgs])
{
    return await CostProbe.RunAsync(costArgs).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
