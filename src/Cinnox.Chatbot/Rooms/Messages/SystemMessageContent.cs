namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// A message of the platform bot (CINNOXbot): a sentence and, for some, labelled fields — such as the summary
/// that opens an enquiry (channel, visitor form fields, UTM information).
/// </summary>
public sealed class SystemMessageContent : RoomMessageContent
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="systemKind">Why the message was posted.</param>
    /// <param name="text">The sentence shown.</param>
    /// <param name="fields">Labelled lines shown under the sentence, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public SystemMessageContent(SystemMessageKind systemKind, string text, IEnumerable<SystemMessageField>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        SystemKind = systemKind;
        Text = text;
        Fields = fields is null ? [] : [.. fields];
    }

    /// <summary>Gets why the message was posted.</summary>
    public SystemMessageKind SystemKind { get; }

    /// <summary>Gets the sentence shown.</summary>
    public string Text { get; }

    /// <summary>Gets the labelled lines shown under the sentence.</summary>
    public IReadOnlyList<SystemMessageField> Fields { get; }

    /// <summary>
    /// Gets the id of the member whose action the message reports (the agent who joined, the member who closed the
    /// enquiry), or <see langword="null"/>. For that member the message counts as their own: it neither notifies
    /// them nor counts as unread.
    /// </summary>
    public string? ActorId { get; init; }

    /// <inheritdoc />
    public override RoomMessageKind Kind => RoomMessageKind.System;

    /// <summary>Gets the value of a field by its label (case-insensitive).</summary>
    /// <param name="label">The label, such as <c>Channel</c>.</param>
    /// <returns>The value, or <see langword="null"/> when the message has no such field.</returns>
    public string? GetField(string label) =>
        Fields.FirstOrDefault(field => string.Equals(field.Label, label, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <inheritdoc />
    public override string ToPlainText() =>
        Fields.Count == 0 ? Text : Text + "\n" + string.Join('\n', Fields.Select(static field => field.ToString()));
}
