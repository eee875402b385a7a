using ChatRoomCli;

return await RoomCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
