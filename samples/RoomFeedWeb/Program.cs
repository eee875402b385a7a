using RoomFeedWeb;

// Run two of these on different ports against one database and post in either: both pages show every message.
//   dotnet run --project samples/RoomFeedWeb -- --urls http://127.0.0.1:5080 --ConnectionStrings:rooms "Host=127.0.0.1;Database=cinnox_test;Username=cinnox;Password=cinnox"
var app = RoomFeedApp.Build(args);
await app.RunAsync();
