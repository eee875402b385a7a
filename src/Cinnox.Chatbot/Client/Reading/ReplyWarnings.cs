using System.Globalization;

namespace Cinnox.Chatbot;

/// <summary>
/// The warnings of one reply, at most <see cref="MaxWarnings"/> one by one; the rest are counted in one last
/// warning so a hostile body cannot grow the reply without bound.
/// </summary>
internal sealed class ReplyWarnings
{
    /// <summary>The most warnings a reply keeps one by one by default; the rest are counted in one last warning.</summary>
    public const int MaxWarnings = ChatbotLimits.DefaultMaxWarnings;

    private readonly int _maxWarnings;
    private List<ChatbotWarning>? _warnings;
    private int _suppressed;

    /// <summary>Initializes a new instance that keeps at most <paramref name="maxWarnings"/> warnings one by one.</summary>
    /// <param name="maxWarnings">The cap, <see cref="ChatbotLimits.MaxWarnings"/>.</param>
    public ReplyWarnings(int maxWarnings = MaxWarnings) => _maxWarnings = maxWarnings;

    /// <summary>Gets the warnings kept so far.</summary>
    public IReadOnlyList<ChatbotWarning> Items => _warnings ?? (IReadOnlyList<ChatbotWarning>)[];

    /// <summary>Gets how many of <see cref="Items"/> have been handed out as updates.</summary>
    public int Yielded { get; private set; }

    /// <summary>Adds a warning, or counts it when the reply already keeps as many as its cap.</summary>
    /// <param name="code">One of <see cref="ChatbotWarningCodes"/>.</param>
    /// <param name="message">What happened, for people.</param>
    public void Add(string code, string message)
    {
        _warnings ??= [];
        if (_warnings.Count >= _maxWarnings)
        {
            _suppressed++;
            return;
        }

        _warnings.Add(new ChatbotWarning(code, message));
    }

    /// <summary>Takes the next warning not yet handed out.</summary>
    /// <param name="warning">The warning.</param>
    /// <returns><see langword="true"/> when there was one.</returns>
    public bool TryTakeNext(out ChatbotWarning warning)
    {
        if (_warnings is not null && Yielded < _warnings.Count)
        {
            warning = _warnings[Yielded++];
            return true;
        }

        warning = default!;
        return false;
    }

    /// <summary>Ends the list: adds the count of dropped warnings, and returns a copy for the reply.</summary>
    /// <returns>The reply's warnings.</returns>
    public IReadOnlyList<ChatbotWarning> Complete()
    {
        if (_suppressed > 0)
        {
            _warnings!.Add(new ChatbotWarning(ChatbotWarningCodes.WarningsSuppressed,
                string.Create(CultureInfo.InvariantCulture, $"{_suppressed} more warnings were dropped; a reply keeps at most {_maxWarnings}.")));
            _suppressed = 0;
        }

        return _warnings is null ? [] : [.. _warnings];
    }
}
