namespace Cinnox.Chatbot.Rooms;

/// <summary>One labelled line of a system message, such as <c>Channel: Weblink</c> or <c>UTM Source: newsletter</c>.</summary>
/// <param name="Label">The label.</param>
/// <param name="Value">The value.</param>
public sealed record SystemMessageField(string Label, string Value)
{
    /// <summary>Returns <c>Label: Value</c>.</summary>
    /// <returns>The field as one line.</returns>
    public override string ToString() => $"{Label}: {Value}";
}
