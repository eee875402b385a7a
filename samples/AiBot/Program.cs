// A CINNOX General Chatbot answered by a language model. Run it with
//   dotnet run --project samples/AiBot -- --urls http://127.0.0.1:5081
// and POST to /chatbot. Pick the model with configuration (environment variables shown):
//   OpenAI-compatible: AIBOT_OPENAI_APIKEY, AIBOT_OPENAI_MODEL (default gpt-4o-mini), AIBOT_OPENAI_ENDPOINT (optional)
//   Ollama:            AIBOT_OLLAMA_ENDPOINT (such as http://127.0.0.1:11434), AIBOT_OLLAMA_MODEL (default llama3.2)
// With neither, it says so and answers with a small built-in rule-based chat client, so it runs offline.
using Cinnox.Chatbot.Samples;

var builder = WebApplication.CreateSlimBuilder(args);
var model = AiBot.AddServices(builder.Services, builder.Configuration);
Console.WriteLine(model.Description);

var app = builder.Build();
AiBot.Map(app);
app.Run();
