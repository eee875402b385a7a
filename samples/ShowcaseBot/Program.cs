var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapPost("/chatbot", () => Results.Json(new { message = new { type = 1, text = "Hello" } }));
app.Run();
