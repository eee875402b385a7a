// A first look at the protocol model: compose the help page's quick-reply example with the builders,
// read back a reply a bot might send, and validate both. The full enquiry demo replaces this.
using Cinnox.Chatbot;

var composed = ChatbotMessages.Advanced(message => message
    .AddBubble(bubble => bubble
        .AddText(title: "Good Result Learning Center", text: "Your Exam Expert", footer: "Join us now!")
        .AddImage("https://www.grlc.com/teaching.png"))
    .AddQuickReply(reply => reply
        .AddUrlButton("Website", "https://www.grlc.com")
        .AddPostbackButton("Email", "info@grlc.com")
        .AddButton("Talk to an agent", ButtonAction.DirectTransfer())));

Console.WriteLine("Composed with the builders:");
Console.WriteLine(ChatbotJson.SerializeReplyToString(composed));

const string received = """
    {"message":{"type":5,"advanced":"AdvancedMessage","advancedItems":[
      {"type":1,"items":[{"type":12,"text":"Press me","action":{"type":1,"text":"yes"}},{"type":9,"text":"Too late"}]},
      {"type":7,"items":[]}]}}
    """;

Console.WriteLine();
Console.WriteLine("Read from a bot, then validated:");
foreach (var issue in ChatbotMessageValidator.Validate(ChatbotJson.ParseReply(received)))
{
    Console.WriteLine($"  {issue.Severity,-7} {issue}");
}

return 0;
