using System.ComponentModel.DataAnnotations;

namespace Cinnox.Chatbot.Rooms.Storage;

/// <summary>Options of a <see cref="ChatbotTurnWorker"/>.</summary>
public sealed class ChatbotTurnWorkerOptions
{
    /// <summary>
    /// Gets or sets how the worker finds the chatbot of an enquiry: the client of its destination, or <see langword="null"/>
    /// when the enquiry has none (its turns are then finished without a call).
    /// </summary>
    /// <value>No default: required.</value>
    [Required]
    public Func<EnquiryRoom, IChatbotClient?>? ResolveClient { get; set; }

    /// <summary>Gets or sets the longest wait between looks for work when no commit announces any.</summary>
    /// <value>1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many rooms' turns the worker answers at once (each room's turns one at a time, in order).</summary>
    /// <value>4.</value>
    [Range(1, 1024)]
    public int MaxConcurrentRooms { get; set; } = 4;

    /// <summary>
    /// Gets or sets the system message left in the room when a turn cut short by a stopped node is recovered. It is never sent
    /// to the chatbot again (it may have acted); <c>{0}</c> stands for the chatbot's name.
    /// </summary>
    /// <value><c>{0} stopped answering when the node serving it went down; the message was not sent again.</c></value>
    [Required]
    public string InterruptedNotice { get; set; } = "{0} stopped answering when the node serving it went down; the message was not sent again.";
}
