using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Keeps enquiries' histories in memory, bounded in messages per enquiry and in enquiries, each forgotten a while
/// after it was last used (<see cref="InMemoryChatbotHistoryOptions"/>). The default
/// <see cref="IChatbotHistoryStore"/>; histories are lost when the process ends and are not shared between nodes.
/// </summary>
/// <remarks>
/// Messages are kept as copies holding their role and text only. Time is read from the given
/// <see cref="TimeProvider"/>. Expired histories are dropped as the store is used, oldest first, so no timer runs.
/// </remarks>
public sealed class InMemoryChatbotHistoryStore : IChatbotHistoryStore
{
    private readonly InMemoryChatbotHistoryOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, LinkedListNode<Enquiry>> _enquiries = new(StringComparer.Ordinal);

    // Least recently used first, so both eviction and expiry look only at the front.
    private readonly LinkedList<Enquiry> _byLastUse = new();
    private readonly Lock _lock = new();

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The bounds; <see langword="null"/> for the defaults. Copied, so later changes do not apply.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system's.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range; the message names it.</exception>
    public InMemoryChatbotHistoryStore(InMemoryChatbotHistoryOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new InMemoryChatbotHistoryOptions();
        options.Validate();
        _options = new InMemoryChatbotHistoryOptions
        {
            MaxEnquiries = options.MaxEnquiries,
            MaxMessagesPerEnquiry = options.MaxMessagesPerEnquiry,
            SlidingExpiration = options.SlidingExpiration,
        };
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the number of enquiries whose histories are kept, expired ones not yet dropped included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _enquiries.Count;
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="inquiryId"/> is null.</exception>
    public ValueTask<IReadOnlyList<ChatMessage>> GetAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiryId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            DropExpired(now);
            if (!_enquiries.TryGetValue(inquiryId, out var node))
            {
                return new ValueTask<IReadOnlyList<ChatMessage>>([]);
            }

            Touch(node, now);
            return new ValueTask<IReadOnlyList<ChatMessage>>(node.Value.Messages.Select(Copy).ToArray());
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="inquiryId"/> or <paramref name="messages"/> is null, or holds a null message.</exception>
    public ValueTask AppendAsync(string inquiryId, IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiryId);
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var copies = new ChatMessage[messages.Count];
        for (var i = 0; i < copies.Length; i++)
        {
            copies[i] = Copy(messages[i] ?? throw new ArgumentNullException(nameof(messages), $"messages[{i}] is null."));
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            DropExpired(now);
            if (!_enquiries.TryGetValue(inquiryId, out var node))
            {
                if (_enquiries.Count >= _options.MaxEnquiries)
                {
                    Remove(_byLastUse.First!);
                }

                node = _byLastUse.AddLast(new Enquiry(inquiryId));
                _enquiries.Add(inquiryId, node);
            }

            Touch(node, now);
            var kept = node.Value.Messages;
            foreach (var copy in copies)
            {
                kept.Enqueue(copy);
            }

            while (kept.Count > _options.MaxMessagesPerEnquiry)
            {
                kept.Dequeue();
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="inquiryId"/> is null.</exception>
    public ValueTask RemoveAsync(string inquiryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inquiryId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_enquiries.TryGetValue(inquiryId, out var node))
            {
                Remove(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    private static ChatMessage Copy(ChatMessage message) => new(message.Role, message.Text);

    private void Touch(LinkedListNode<Enquiry> node, DateTimeOffset now)
    {
        node.Value.LastUsed = now;
        _byLastUse.Remove(node);
        _byLastUse.AddLast(node);
    }

    private void DropExpired(DateTimeOffset now)
    {
        while (_byLastUse.First is { } oldest && now - oldest.Value.LastUsed > _options.SlidingExpiration)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Enquiry> node)
    {
        _byLastUse.Remove(node);
        _enquiries.Remove(node.Value.InquiryId);
    }

    private sealed class Enquiry(string inquiryId)
    {
        public string InquiryId { get; } = inquiryId;

        public Queue<ChatMessage> Messages { get; } = new();

        public DateTimeOffset LastUsed { get; set; }
    }
}
