using System.CommandLine;
using System.CommandLine.Parsing;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Storage;

namespace ChatRoomCli;

/// <summary>
/// The command line: each command prints one JSON object on stdout and exits 0; a rule that refuses the command
/// prints <c>{"error":RULE,"message":TEXT}</c> and exits 3; bad arguments exit 2 with the problem on stderr.
/// Concurrent processes on one store are normal: conflicts are retried inside.
/// </summary>
internal static class RoomCli
{
    public const int Ok = 0;
    public const int BadArguments = 2;
    public const int Refused = 3;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var store = new Option<string>("--store") { Description = $"Where the rooms are: {RoomStores.Help}.", Required = true, Recursive = true };
        var room = new Option<string>("--room") { Description = "The room's id.", Required = true };
        var name = new Option<string>("--name") { Description = "The Space's name.", Required = true };
        var members = new Option<string[]>("--member") { Description = "A member as ID=DISPLAY NAME; the first creates the Space.", Arity = ArgumentArity.OneOrMore };
        var sender = new Option<string>("--sender") { Description = "The member who sends.", Required = true };
        var member = new Option<string>("--member") { Description = "The member.", Required = true };
        var text = new Option<string>("--text") { Description = "The text.", Required = true };
        var clientId = new Option<string?>("--client-id") { Description = "A client message id: repeating it returns the first post and changes nothing." };
        var message = new Option<string>("--message") { Description = "The message's id.", Required = true };
        var after = new Option<long>("--after") { Description = "Only messages after this sequence.", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "At most this many messages (1 to 1000).", DefaultValueFactory = _ => 100 };
        after.Validators.Add(result => { if (result.GetValueOrDefault<long>() < 0) { result.AddError("--after must be 0 or more."); } });
        limit.Validators.Add(result => { if (result.GetValueOrDefault<int>() is < 1 or > 1000) { result.AddError("--limit must be from 1 to 1000."); } });
        members.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (ParseMember(value) is null)
                {
                    result.AddError($"--member '{value}' is not ID=DISPLAY NAME, such as alice=Alice Wong.");
                }
            }
        });

        var createSpace = new Command("create-space", "Creates a Space; the first member creates it and the others are added.") { room, name, members };
        var post = new Command("post", "Posts a text message.") { room, sender, text, clientId };
        var edit = new Command("edit", "Edits a text message.") { room, sender, message, text };
        var recall = new Command("recall", "Recalls a message.") { room, sender, message };
        var read = new Command("read", "Marks a room as read by a member.") { room, member };
        var history = new Command("history", "Prints a page of a room's messages, oldest first.") { room, after, limit };
        var unread = new Command("unread", "Prints a member's unread-rooms badge and unread counts.") { member };
        members.Required = true;
        var root = new RootCommand("Chat rooms over a store, one JSON object per command.") { store, createSpace, post, edit, recall, read, history, unread };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 || parsed.CommandResult.Command == root)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            if (parsed.Errors.Count == 0)
            {
                await error.WriteLineAsync("Name a command: create-space, post, edit, recall, read, history or unread.").ConfigureAwait(false);
            }

            return BadArguments;
        }

        var (opened, storeProblem) = await RoomStores.OpenAsync(parsed.GetRequiredValue(store), cancellationToken).ConfigureAwait(false);
        if (opened is null)
        {
            await error.WriteLineAsync(storeProblem).ConfigureAwait(false);
            return BadArguments;
        }

        try
        {
            await using var repository = new RoomRepository(opened, new RoomRepositoryOptions { MaxConflictRetries = 100 });
            var command = parsed.CommandResult.Command;
            var json = command == createSpace ? await CreateSpaceAsync(repository, parsed.GetRequiredValue(room), parsed.GetRequiredValue(name), parsed.GetRequiredValue(members), cancellationToken).ConfigureAwait(false)
                : command == post ? await PostAsync(repository, parsed.GetRequiredValue(room), parsed.GetRequiredValue(sender), parsed.GetRequiredValue(text), parsed.GetValue(clientId), cancellationToken).ConfigureAwait(false)
                : command == edit ? await ChangeAsync(repository, parsed.GetRequiredValue(room), r => r.Edit(parsed.GetRequiredValue(sender), parsed.GetRequiredValue(message), parsed.GetRequiredValue(text)).Message, cancellationToken).ConfigureAwait(false)
                : command == recall ? await ChangeAsync(repository, parsed.GetRequiredValue(room), r => r.Recall(parsed.GetRequiredValue(sender), parsed.GetRequiredValue(message)), cancellationToken).ConfigureAwait(false)
                : command == read ? await ReadAsync(repository, parsed.GetRequiredValue(room), parsed.GetRequiredValue(member), cancellationToken).ConfigureAwait(false)
                : command == history ? await HistoryAsync(repository, parsed.GetRequiredValue(room), parsed.GetValue(after), parsed.GetValue(limit), cancellationToken).ConfigureAwait(false)
                : await UnreadAsync(repository, parsed.GetRequiredValue(member), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(json).ConfigureAwait(false);
            return Ok;
        }
        catch (ChatRoomRuleException refusal)
        {
            await output.WriteLineAsync(JsonOutput.Write(writer =>
            {
                writer.WriteString("error", refusal.Rule.ToString());
                writer.WriteString("message", refusal.Message);
            })).ConfigureAwait(false);
            return Refused;
        }
        finally
        {
            if (opened is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static RoomMember? ParseMember(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0 || string.IsNullOrWhiteSpace(value[..equals]) || string.IsNullOrWhiteSpace(value[(equals + 1)..])
            ? null
            : RoomMember.Staff(value[..equals].Trim(), value[(equals + 1)..].Trim());
    }

    private static async Task<string> CreateSpaceAsync(RoomRepository repository, string roomId, string name, string[] members, CancellationToken cancellationToken)
    {
        var people = members.Select(value => ParseMember(value)!).ToList();
        var space = new SpaceRoom(roomId, name, people[0], SpaceVisibility.Private);
        foreach (var other in people.Skip(1))
        {
            space.AddMember(people[0].Id, other);
        }

        await repository.CreateAsync(space, cancellationToken).ConfigureAwait(false);
        return JsonOutput.Write(writer => writer.WriteString("room", roomId));
    }

    private static async Task<string> PostAsync(RoomRepository repository, string roomId, string senderId, string text, string? clientId, CancellationToken cancellationToken)
    {
        var result = await repository.ExecuteAsync(roomId, context => context.Room.PostText(senderId, text), clientId, cancellationToken).ConfigureAwait(false);
        return IdAndSequence(result.MessageId!, result.MessageSequence);
    }

    private static async Task<string> ChangeAsync(RoomRepository repository, string roomId, Func<ChatRoom, RoomMessage> change, CancellationToken cancellationToken)
    {
        var changed = (await repository.ExecuteAsync(roomId, context => change(context.Room), null, cancellationToken).ConfigureAwait(false)).Value!;
        return IdAndSequence(changed.Id, changed.Sequence);
    }

    private static async Task<string> ReadAsync(RoomRepository repository, string roomId, string memberId, CancellationToken cancellationToken)
    {
        var unread = (await repository.ExecuteAsync(roomId, context =>
        {
            context.Room.MarkRead(memberId);
            return context.Room.GetUnreadCount(memberId);
        }, null, cancellationToken).ConfigureAwait(false)).Value;
        return JsonOutput.Write(writer =>
        {
            writer.WriteString("room", roomId);
            writer.WriteNumber("unread", unread);
        });
    }

    private static async Task<string> HistoryAsync(RoomRepository repository, string roomId, long after, int limit, CancellationToken cancellationToken)
    {
        var page = await repository.ReadMessagesAsync(roomId, after, limit, cancellationToken).ConfigureAwait(false);
        return JsonOutput.Write(writer =>
        {
            writer.WriteStartArray("messages");
            foreach (var message in page)
            {
                writer.WriteStartObject();
                writer.WriteString("id", message.MessageId);
                writer.WriteNumber("sequence", message.Sequence);
                writer.WriteString("sender", message.SenderId);
                writer.WriteString("text", message.Text);
                writer.WriteBoolean("edited", message.IsEdited);
                writer.WriteBoolean("recalled", message.IsRecalled);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static async Task<string> UnreadAsync(RoomRepository repository, string memberId, CancellationToken cancellationToken)
    {
        var inbox = await repository.ReadInboxAsync(memberId, 1000, cancellationToken).ConfigureAwait(false);
        return JsonOutput.Write(writer =>
        {
            writer.WriteNumber("badge", inbox.UnreadRoomCount);
            writer.WriteStartArray("rooms");
            foreach (var row in inbox.Rooms.Where(static row => row.UnreadCount > 0))
            {
                writer.WriteStartObject();
                writer.WriteString("room", row.RoomId);
                writer.WriteNumber("unread", row.UnreadCount);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    private static string IdAndSequence(string id, long sequence) => JsonOutput.Write(writer =>
    {
        writer.WriteString("id", id);
        writer.WriteNumber("sequence", sequence);
    });
}
