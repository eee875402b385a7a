namespace Cinnox.Chatbot.Server;

/// <summary>Bounds of an <see cref="InMemoryChatbotHistoryStore"/>, so its memory stays proportional to them.</summary>
public sealed class InMemoryChatbotHistoryOptions
{
    /// <summary>The default <see cref="MaxMessagesPerEnquiry"/>: 50.</summary>
    public const int DefaultMaxMessagesPerEnquiry = 50;

    /// <summary>The default <see cref="MaxEnquiries"/>: 10,000.</summary>
    public const int DefaultMaxEnquiries = 10_000;

    /// <summary>Gets the default <see cref="SlidingExpiration"/>: 30 minutes.</summary>
    public static TimeSpan DefaultSlidingExpiration { get; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how many messages are kept per enquiry; older ones are dropped first. At least 1.</summary>
    /// <value><see cref="DefaultMaxMessagesPerEnquiry"/> (50).</value>
    public int MaxMessagesPerEnquiry { get; set; } = DefaultMaxMessagesPerEnquiry;

    /// <summary>
    /// Gets or sets how many enquiries are kept; when a new one would pass it, the one used least recently is
    /// forgotten. At least 1.
    /// </summary>
    /// <value><see cref="DefaultMaxEnquiries"/> (10,000).</value>
    public int MaxEnquiries { get; set; } = DefaultMaxEnquiries;

    /// <summary>
    /// Gets or sets how long an enquiry's history is kept after it was last read or written. Exactly this long after
    /// is still kept; any later it is gone. More than zero.
    /// </summary>
    /// <value><see cref="DefaultSlidingExpiration"/> (30 minutes).</value>
    public TimeSpan SlidingExpiration { get; set; } = DefaultSlidingExpiration;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of its range; the message names the property.</exception>
    internal void Validate()
    {
        if (MaxMessagesPerEnquiry < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessagesPerEnquiry), MaxMessagesPerEnquiry,
                $"{nameof(InMemoryChatbotHistoryOptions)}.{nameof(MaxMessagesPerEnquiry)} must be at least 1.");
        }

        if (MaxEnquiries < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEnquiries), MaxEnquiries,
                $"{nameof(InMemoryChatbotHistoryOptions)}.{nameof(MaxEnquiries)} must be at least 1.");
        }

        if (SlidingExpiration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SlidingExpiration), SlidingExpiration,
                $"{nameof(InMemoryChatbotHistoryOptions)}.{nameof(SlidingExpiration)} must be more than zero.");
        }
    }
}
