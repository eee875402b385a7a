using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server.ChatClients;

/// <summary>
/// A CINNOX action offered to a model as a tool, with a schema written out rather than reflected from a delegate,
/// so the package stays trim- and AOT-safe. The endpoint acts on the model's call itself; invoking the function
/// (as <c>UseFunctionInvocation</c> does) only tells the model what will happen.
/// </summary>
internal sealed class ChatbotActionFunction : AIFunction
{
    private readonly JsonElement _schema;
    private readonly string _result;
    private readonly bool _endsTurn;

    public ChatbotActionFunction(string name, string description, string jsonSchema, string result, bool endsTurn)
    {
        Name = name;
        Description = description;
        using (var document = JsonDocument.Parse(jsonSchema))
        {
            _schema = document.RootElement.Clone();
        }

        _result = result;
        _endsTurn = endsTurn;
    }

    public override string Name { get; }

    public override string Description { get; }

    public override JsonElement JsonSchema => _schema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        if (_endsTurn && FunctionInvokingChatClient.CurrentContext is { } context)
        {
            // The reply is the action alone; asking the model for more text would only cost tokens.
            context.Terminate = true;
        }

        return new ValueTask<object?>(_result);
    }
}
