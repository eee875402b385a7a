namespace Cinnox.Chatbot.Rooms;

/// <summary>Where a mention sits in a message's text, so a UI can highlight it.</summary>
/// <param name="Start">The index of the <c>@</c>.</param>
/// <param name="Length">The length of the mention, <c>@</c> included.</param>
/// <param name="MemberId">The member mentioned, or <see langword="null"/> for <c>@all</c>.</param>
public readonly record struct MentionSpan(int Start, int Length, string? MemberId)
{
    /// <summary>Gets a value indicating whether this is <c>@all</c>.</summary>
    public bool IsAll => MemberId is null;
}
