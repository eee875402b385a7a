namespace Cinnox.Chatbot.Tool.Connecting;

/// <summary>
/// Collects the exchanges of the calls made while it is <see cref="Current"/>: the recording handler adds to the
/// capture of the caller's async flow, so concurrent calls (two playground tabs) never mix.
/// </summary>
internal sealed class WireCapture : IDisposable
{
    private static readonly AsyncLocal<WireCapture?> CurrentCapture = new();
    private readonly List<WireExchange> _exchanges = [];
    private readonly WireCapture? _previous;

    private WireCapture(int maxBodyBytes)
    {
        MaxBodyBytes = maxBodyBytes;
        _previous = CurrentCapture.Value;
        CurrentCapture.Value = this;
    }

    /// <summary>Gets the capture of the current async flow, if any.</summary>
    public static WireCapture? Current => CurrentCapture.Value;

    /// <summary>Gets how many body bytes each exchange keeps.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>Gets the exchanges recorded so far, in the order they started.</summary>
    public IReadOnlyList<WireExchange> Exchanges
    {
        get
        {
            lock (_exchanges)
            {
                return [.. _exchanges];
            }
        }
    }

    /// <summary>Gets the last exchange (the one the reply came from, after any retry).</summary>
    public WireExchange? Last => Exchanges is [.., var last] ? last : null;

    /// <summary>Starts capturing in the current async flow.</summary>
    /// <param name="maxBodyBytes">How many body bytes each exchange keeps (the response limit is a good choice).</param>
    public static WireCapture Start(int maxBodyBytes) => new(maxBodyBytes);

    /// <summary>Adds an exchange.</summary>
    public void Add(WireExchange exchange)
    {
        lock (_exchanges)
        {
            _exchanges.Add(exchange);
        }
    }

    /// <inheritdoc />
    public void Dispose() => CurrentCapture.Value = _previous;
}
