namespace Cinnox.Chatbot.Rooms;

/// <summary>A piece of visitor information a staff member added to an enquiry, such as a membership number.</summary>
/// <param name="Name">The field's name, as the staff member wrote it.</param>
/// <param name="Value">The field's value.</param>
/// <param name="AddedBy">The id of the staff member who added or last changed it.</param>
public sealed record VisitorField(string Name, string Value, string AddedBy);
