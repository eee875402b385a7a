using System.Text.Json;

namespace Cinnox.Chatbot;

/// <summary>
/// A reading error that collects the JSON path of the value at fault as it travels up the reader's recursion.
/// </summary>
internal sealed class ProtocolReadException : JsonException
{
    // Innermost first: each level of the recursion adds its own step as the error passes through it.
    private readonly List<(string? Name, int Index)> _steps = [];

    public ProtocolReadException(string problem)
        : base(problem) => Problem = problem;

    public ProtocolReadException(string problem, Exception inner)
        : base(problem, inner) => Problem = problem;

    public ProtocolReadException()
        : this("is not valid")
    {
    }

    /// <summary>Gets a value indicating whether a read cap (docs/protocol.md#hostile-bots), not the JSON, stopped the reading.</summary>
    public bool IsLimit { get; private init; }

    /// <summary>Gets what is wrong with the value, such as <c>must be a string but is a number</c>.</summary>
    public string Problem { get; }

    /// <summary>Gets whether the error knows where below the node it was read from it lies.</summary>
    public bool IsLocated => _steps.Count > 0;

    public override string Message => Describe(JsonPath.Root);

    public static ProtocolReadException At(JsonException exception, string property) => Wrap(exception).Prepend(property, -1);

    /// <summary>Creates the error of a read cap that was crossed.</summary>
    public static ProtocolReadException Limit(string problem) => new(problem) { IsLimit = true };

    public static ProtocolReadException At(string property, string problem) => new ProtocolReadException(problem).Prepend(property, -1);

    public static ProtocolReadException At(JsonException exception, int index) => Wrap(exception).Prepend(null, index);

    /// <summary>Gets the path of the value at fault, below the node that was read from <paramref name="root"/>.</summary>
    /// <param name="root">The path of the node the reader started at, such as <c>$.message</c>.</param>
    public string PathFrom(string root)
    {
        var path = new JsonPath(root);
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            if (_steps[i].Name is { } name)
            {
                path.Push(name);
            }
            else
            {
                path.Push(_steps[i].Index);
            }
        }

        return path.Describe();
    }

    /// <summary>Describes the error with its path below <paramref name="root"/>: <c>'$.message.text' must be a string</c>.</summary>
    public string Describe(string root) => IsLocated ? $"'{PathFrom(root)}' {Problem}" : Problem;

    private static ProtocolReadException Wrap(JsonException exception) =>
        exception as ProtocolReadException ?? new ProtocolReadException(
            $"is not valid JSON: {exception.Message}", exception);

    private ProtocolReadException Prepend(string? name, int index)
    {
        _steps.Add((name, index));
        return this;
    }
}
