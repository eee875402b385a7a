using Cinnox.Chatbot;
using Cinnox.Chatbot.Rooms;
using Cinnox.Chatbot.Rooms.Sqlite;
using Cinnox.Chatbot.Rooms.Storage;

namespace ChatRoomDemo;

/// <summary>Settings of one run of the demo.</summary>
/// <param name="Terminal">Where the room is printed.</param>
/// <param name="TokenDelay">How long the bot waits before each word it streams.</param>
/// <param name="Input">The visitor's typing in interactive mode, or <see langword="null"/> for the scripted enquiry.</param>
/// <param name="DatabasePath">The SQLite file the rooms are saved to; a new temporary file, deleted at the end, when <see langword="null"/>.</param>
internal sealed record DemoSettings(Terminal Terminal, TimeSpan TokenDelay, TextReader? Input = null, string? DatabasePath = null);

/// <summary>
/// A whole enquiry: a bot on a loopback port, an enquiry room opened from a weblink, a visitor whose questions are
/// answered as the replies stream in, an advanced message and a button press, staff chatting in a Space, unread
/// badges, a transfer to a live agent, an edit, a recall and the close; every change saved as an event in a SQLite
/// file, and the rooms read back from it by a second store, as after a restart.
/// </summary>
internal static class Demo
{
    private static readonly RoomMember Alice = RoomMember.Staff("alice", "Alice Wong");
    private static readonly RoomMember Bob = RoomMember.Staff("bob", "Bob Chan");
    private static readonly RoomMember Carol = RoomMember.Staff("carol", "Carol Lee");

    public static async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.DatabasePath ?? Path.Combine(Path.GetTempPath(), $"cinnox-chat-room-demo-{Guid.NewGuid():N}.db");
        try
        {
            return await RunAsync(settings, path, cancellationToken);
        }
        finally
        {
            if (settings.DatabasePath is null)
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
            }
        }
    }

    private static async Task<int> RunAsync(DemoSettings settings, string path, CancellationToken cancellationToken)
    {
        var terminal = settings.Terminal;
        var printer = new RoomPrinter(terminal);

        await using var bot = await DemoBot.StartAsync(settings.TokenDelay, cancellationToken);
        var destination = new ChatbotDestination
        {
            Name = "Support Bot",
            Description = "Answers spring-sale questions.",
            Url = bot.Url,
            TransferToLiveAgent = true,
            Headers = { ["Accept"] = ChatbotDestination.EventStreamMediaType },
        };
        using var connection = DemoClient.Create(destination);

        terminal.WriteLine(terminal.Bold("CINNOX chat-room demo"));
        terminal.WriteLine($"A chatbot built with Cinnox.Chatbot.Server listens on {bot.Url} (streaming on, transfer to a live agent on).");
        terminal.WriteLine("An enquiry room talks to it through the Cinnox.Chatbot client. Everything below is printed from the rooms' change events.");
        terminal.WriteLine($"Every change is saved as an event in the SQLite file {path}.");
        terminal.WriteLine();
        var store = await SqliteRoomStore.OpenAsync(path, cancellationToken);
        var rooms = new RoomRepository(store);

        var workspace = new ChatWorkspace();
        var enquiry = new EnquiryRoom(new EnquiryRoomOptions
        {
            EnquiryId = "ENQ-20260301-0042",
            Channel = EnquiryChannel.Weblink,
            ChannelDetail = "Spring sale landing page",
            Language = "en",
            Location = "Singapore",
            Weblink = new Uri("https://shop.example.com/chat?utm_source=newsletter&utm_medium=email&utm_campaign=spring%20sale&UTM_Content=hero-button&utm_memberid=M-4711&ref=home"),
            IsVisitorFormEnabled = true,
            VisitorInformation = new VisitorInformation { FirstName = "Ada", LastName = "Lovelace", Phone = "+65 8123 4567", Email = "ada@example.com" },
            Device = new DeviceInformation { Platform = "Web (Firefox 128, macOS)", ScreenSize = "1440 × 900", GeoLocation = new GeoLocation(1.2903, 103.8519) },
            Destination = DestinationInformation.FromChatbot(destination),
        });
        printer.PrintEnquiryPanel(enquiry);
        terminal.WriteLine();
        printer.PrintHistory(enquiry);
        workspace.Add(enquiry);
        printer.Follow(workspace);
        var conversation = new ChatbotConversation(enquiry, connection.Client);

        var space = workspace.Add(new SpaceRoom("space-spring-sale", "Spring sale support", Alice, SpaceVisibility.Public, "Agents on the spring sale"));
        space.AddMember(Alice.Id, Bob);
        space.AddMember(Alice.Id, Carol);
        space.SetNotificationSetting(Carol.Id, RoomNotificationSetting.MentionsOnly);

        async Task SaveAsync()
        {
            await rooms.SaveAsync(enquiry, cancellationToken);
            await rooms.SaveAsync(space, cancellationToken);
        }

        await SaveAsync();
        if (settings.Input is { } input)
        {
            await ChatInteractivelyAsync(terminal, conversation, input, cancellationToken);
        }
        else
        {
            await RunScriptAsync(terminal, printer, conversation, workspace, space, SaveAsync, cancellationToken);
        }

        if (!enquiry.IsClosed)
        {
            if (enquiry.Status == EnquiryStatus.WaitingForAgent)
            {
                enquiry.Accept(Bob);
            }

            enquiry.Close(enquiry.Agent?.Id ?? RoomMember.PlatformBotId, "the demo ended");
        }

        await SaveAsync();
        terminal.Rule("The room now");
        terminal.WriteLine("  " + Summary(enquiry));
        printer.PrintBadges(workspace, Bob);
        await rooms.DisposeAsync();
        await store.DisposeAsync();

        terminal.Rule("Restart: a new store opens the file; the rooms and the badges come back from disk");
        await using (var reopened = await SqliteRoomStore.OpenAsync(path, cancellationToken))
        {
            await using var restarted = new RoomRepository(reopened);
            var restored = (EnquiryRoom)(await restarted.FindAsync(enquiry.Id, cancellationToken))!;
            terminal.WriteLine("  " + Summary(restored));
            var same = RoomEventSerializer.SerializeSnapshot(restored.CreateSnapshot()).AsSpan().SequenceEqual(RoomEventSerializer.SerializeSnapshot(enquiry.CreateSnapshot()));
            printer.Note(same
                ? $"Folded from its {restored.Version} stored events, the enquiry is the same as before the restart, down to who may still edit or recall what."
                : "The enquiry read back differs from the one in memory.");
            printer.PrintInbox(await restarted.ReadInboxAsync(Bob.Id, cancellationToken: cancellationToken), Bob);
        }

        terminal.WriteLine();
        return 0;
    }

    private static string Summary(EnquiryRoom enquiry)
    {
        var messages = enquiry.Messages;
        return $"Enquiry {enquiry.Id}: {messages.Count} messages ({messages.Count(m => m.IsEdited)} edited, {messages.Count(m => m.IsRecalled)} recalled), {enquiry.Status.ToString().ToLowerInvariant()}; {enquiry.Version} changes, each kept as an event.";
    }

    private static async Task RunScriptAsync(
        Terminal terminal, RoomPrinter printer, ChatbotConversation conversation, ChatWorkspace workspace, SpaceRoom space, Func<Task> save, CancellationToken cancellationToken)
    {
        var enquiry = conversation.Room;

        terminal.Rule("The visitor asks; the bot's answers stream into the room word by word");
        await conversation.SendVisitorMessageAsync("Hi! Do you ship to Singapore?", cancellationToken);
        await conversation.SendVisitorMessageAsync("And how long does delivery take?", cancellationToken);

        await save();
        terminal.Rule("An advanced message, and the visitor presses one of its buttons");
        var menu = await conversation.SendVisitorMessageAsync("What else can you help me with?", cancellationToken);
        await conversation.PressButtonAsync(menu.ReplyMessage!.Id, "Track my order", cancellationToken);

        await save();
        terminal.Rule("Meanwhile, staff talk in their Space: a mention (Carol gets @mentions only)");
        space.PostText(Alice.Id, $"@Bob Chan a spring-sale visitor is asking about order #1234 in {enquiry.Id}; can you take it if the bot hands over? cc @Dave");
        printer.PrintBadges(workspace, Bob);

        await save();
        terminal.Rule("The visitor asks for a person: the bot transfers the enquiry to a live agent");
        await conversation.PressButtonAsync(menu.ReplyMessage.Id, "Talk to an agent", cancellationToken);
        enquiry.Accept(Bob);
        printer.PrintBadges(workspace, Bob);
        enquiry.MarkRead(Bob.Id);
        space.MarkRead(Bob.Id);
        printer.Note("Bob reads both rooms: the badge clears.");
        printer.PrintBadges(workspace, Bob);

        await save();
        terminal.Rule("Bob answers: a quick link, an edit and a recall (each allowed for five minutes)");
        var links = new QuickLinkLibrary();
        links.AddChannel("track", QuickLinkKind.WebLink, "https://shop.example.com/track/1234", "Order tracking");
        links.AddPersonal(Bob.Id, "me", QuickLinkKind.WebLink, "https://chat.example.com/bob-chan", "Bob's direct chat link");
        var typed = "Hi Ada, I'm Bob. Your parcel is due on Thursday; follow it at /track or reach me at /me.";
        var expanded = links.Expand(Bob.Id, typed);
        printer.Note($"Bob types “{typed}”; the shortcuts /track and /me expand to his saved links.");
        var greeting = enquiry.PostText(Bob.Id, expanded.Text.Replace("Thursday", "Thrusday", StringComparison.Ordinal)).Message;
        enquiry.Edit(Bob.Id, greeting.Id, expanded.Text);
        var slip = enquiry.PostText(Bob.Id, "Here is a staff-only discount code: STAFF50").Message;
        enquiry.Recall(Bob.Id, slip.Id);
        await conversation.SendVisitorMessageAsync("Great, thank you Bob!", cancellationToken);
        printer.Note("The visitor's message stays with Bob: the chatbot no longer handles the enquiry.");
        printer.PrintBadges(workspace, Bob);

        await save();
        terminal.Rule("Bob closes the enquiry");
        enquiry.MarkRead(Bob.Id);
        enquiry.Close(Bob.Id, "order question answered");
    }

    private static async Task ChatInteractivelyAsync(Terminal terminal, ChatbotConversation conversation, TextReader input, CancellationToken cancellationToken)
    {
        var enquiry = conversation.Room;
        terminal.Rule("You are the visitor");
        terminal.WriteLine("  Type a message and press Enter. Try: shipping · my order · menu · agent · bye");
        terminal.WriteLine("  /press <number or label> presses a button of the bot's last menu · /quit ends");
        RoomMessage? menu = null;
        while (enquiry.Status == EnquiryStatus.WithChatbot)
        {
            terminal.Prompt(terminal.Dim($"{enquiry.Visitor.DisplayName} › "));
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null || line.Trim() is "/quit" or "/exit")
            {
                break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                ChatbotTurn turn;
                if (line.StartsWith("/press ", StringComparison.Ordinal) && menu is not null)
                {
                    var choice = line["/press ".Length..].Trim();
                    var buttons = ((ChatbotReplyContent)menu.Content).AdvancedMessage!.AdvancedItems
                        .OfType<QuickReplyContainer>().SelectMany(static container => container.Items).OfType<ButtonItem>().ToList();
                    var button = int.TryParse(choice, out var number) && number >= 1 && number <= buttons.Count
                        ? buttons[number - 1]
                        : buttons.Find(candidate => string.Equals(candidate.Text, choice, StringComparison.OrdinalIgnoreCase));
                    if (button is null)
                    {
                        terminal.WriteLine($"  No button '{choice}'. Buttons: {string.Join(", ", buttons.Select((candidate, index) => $"{index + 1} {candidate.Text}"))}");
                        continue;
                    }

                    turn = await conversation.PressButtonAsync(menu.Id, button, cancellationToken);
                }
                else
                {
                    turn = await conversation.SendVisitorMessageAsync(line, cancellationToken);
                }

                if (turn.ReplyMessage?.Content is ChatbotReplyContent { AdvancedMessage: not null })
                {
                    menu = turn.ReplyMessage;
                }
            }
            catch (ChatRoomRuleException refusal)
            {
                terminal.WriteLine($"  {refusal.Message}");
            }
        }
    }
}
