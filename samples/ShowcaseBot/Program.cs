// A reference CINNOX General Chatbot. Run it with
//   dotnet run --project samples/ShowcaseBot -- --urls http://127.0.0.1:5080
// and POST to /chatbot. Set CHATBOT_API_KEY to require "Authorization: Bearer <key>".
var builder = WebApplication.CreateSlimBuilder(args);
ShowcaseBot.ShowcaseBot.AddServices(builder.Services, builder.Configuration[ShowcaseBot.ShowcaseBot.ApiKeyVariable]);

var app = builder.Build();
ShowcaseBot.ShowcaseBot.Map(app);
app.Run();
