namespace Cinnox.Chatbot.Rooms;

/// <summary>The text input after its shortcuts were expanded.</summary>
/// <param name="Text">The text with every known <c>/shortcut</c> replaced by its link or number.</param>
/// <param name="Expanded">The quick links used, in text order (a link used twice appears twice).</param>
public sealed record ShortcutExpansion(string Text, IReadOnlyList<QuickLink> Expanded);
