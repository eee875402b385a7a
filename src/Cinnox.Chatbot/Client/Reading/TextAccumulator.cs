using System.Buffers;

namespace Cinnox.Chatbot;

/// <summary>
/// The text of a streamed reply as it grows: pooled segments, so appending never copies what came before and
/// the final string is built with one copy. New text is first decoded into <see cref="GetPendingSpan"/> and
/// only becomes part of the text when committed, so an event that turns out to be unusable leaves no trace.
/// </summary>
internal sealed class TextAccumulator : IDisposable
{
    private const int FirstSegmentLength = 256;
    private const int MaxGrownSegmentLength = 64 * 1024;

    private readonly List<(char[] Array, int Length)> _full = [];
    private int _fullLength;
    private char[] _current;
    private int _currentLength;
    private int _pendingStart;

    public TextAccumulator() => _current = ArrayPool<char>.Shared.Rent(FirstSegmentLength);

    /// <summary>Gets the number of characters committed.</summary>
    public int Length => _fullLength + _currentLength;

    /// <summary>Gets the pending text written by the last <see cref="GetPendingSpan"/>.</summary>
    /// <param name="length">How many characters were written.</param>
    public ReadOnlySpan<char> Pending(int length) => _current.AsSpan(_pendingStart, length);

    /// <summary>Gets room for up to <paramref name="maxLength"/> characters of new text, after the committed text.</summary>
    public Span<char> GetPendingSpan(int maxLength)
    {
        if (_current.Length - _currentLength < maxLength)
        {
            if (_currentLength == 0)
            {
                ArrayPool<char>.Shared.Return(_current);
            }
            else
            {
                _full.Add((_current, _currentLength));
                _fullLength += _currentLength;
            }

            var grown = Math.Min(MaxGrownSegmentLength, Math.Max(FirstSegmentLength, Length));
            _current = ArrayPool<char>.Shared.Rent(Math.Max(maxLength, grown));
            _currentLength = 0;
        }

        _pendingStart = _currentLength;
        return _current.AsSpan(_currentLength);
    }

    /// <summary>Appends the pending text.</summary>
    public void Commit(int length) => _currentLength += length;

    /// <summary>Determines whether the pending text equals the committed text.</summary>
    public bool PendingEqualsText(int length)
    {
        if (length != Length)
        {
            return false;
        }

        var pending = Pending(length);
        var offset = 0;
        foreach (var (array, segmentLength) in _full)
        {
            var segment = array.AsSpan(0, segmentLength);
            if (!pending.Slice(offset, segment.Length).SequenceEqual(segment))
            {
                return false;
            }

            offset += segment.Length;
        }

        return pending[offset..].SequenceEqual(_current.AsSpan(0, _currentLength));
    }

    /// <summary>Makes the pending text the whole text.</summary>
    public void ReplaceWithPending(int length)
    {
        ReturnFull();
        _current.AsSpan(_pendingStart, length).CopyTo(_current);
        _currentLength = length;
    }

    /// <summary>Builds the committed text.</summary>
    public override string ToString()
    {
        if (Length == 0)
        {
            return string.Empty;
        }

        if (_full.Count == 0)
        {
            return new string(_current, 0, _currentLength);
        }

        return string.Create(Length, this, static (destination, self) =>
        {
            foreach (var (array, segmentLength) in self._full)
            {
                array.AsSpan(0, segmentLength).CopyTo(destination);
                destination = destination[segmentLength..];
            }

            self._current.AsSpan(0, self._currentLength).CopyTo(destination);
        });
    }

    public void Dispose()
    {
        ReturnFull();
        if (_current.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_current);
            _current = [];
            _currentLength = 0;
        }
    }

    private void ReturnFull()
    {
        foreach (var (array, _) in _full)
        {
            ArrayPool<char>.Shared.Return(array);
        }

        _full.Clear();
        _fullLength = 0;
    }
}
