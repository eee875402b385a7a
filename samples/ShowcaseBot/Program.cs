// A reference CINNOX General Chatbot. Run it with
//   dotnet run --project samples/ShowcaseBot -- --urls http://127.0.0.1:5080
// and POST to /chatbot. Set CHATBOT_API_KEY to require "Authorization: Bearer <key>".
using Cinnox.Chatbot.Samples;

var builder = WebApplication.CreateSlimBuilder(args);
ShowcaseBot.AddServices(builder.Services, builder.Configuration[ShowcaseBot.ApiKeyVariable]);

var app = builder.Build();
ShowcaseBot.Map(app);
app.Run();
