// A reference CINNOX General Chatbot. Run it with
//   dotnet run --project samples/ShowcaseBot -- --urls http://127.0.0.1:5080
// and POST to /chatbot. Set CHATBOT_API_KEY to require "Authorization: Bearer <key>".
// Add "--telemetry console" to print the traces and metrics of every reply (OpenTelemetry's console exporter).
using Cinnox.Chatbot.Samples;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateSlimBuilder(args);
ShowcaseBot.AddServices(builder.Services, builder.Configuration[ShowcaseBot.ApiKeyVariable]);
if (string.Equals(builder.Configuration["telemetry"], "console", StringComparison.OrdinalIgnoreCase))
{
    // ASP.NET Core's server span and request duration, with the toolkit's "chatbot reply" span and instruments.
    builder.Services.AddOpenTelemetry()
        .WithTracing(tracing => tracing
            .AddSource("Microsoft.AspNetCore", "Cinnox.Chatbot.Server")
            .AddConsoleExporter())
        .WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Cinnox.Chatbot.Server")
            .AddConsoleExporter());
}

var app = builder.Build();
ShowcaseBot.Map(app);
app.Run();
