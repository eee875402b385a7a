namespace Cinnox.Chatbot.Tool.Connecting;

/// <summary>One request and its response as they crossed the wire.</summary>
internal sealed class WireExchange
{
    private readonly object _gate = new();
    private readonly List<WireChunk> _chunks = [];
    private byte[] _body = [];
    private int _bodyLength;

    public WireExchange(string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> requestHeaders, byte[] requestBody, int maxBodyBytes)
    {
        Method = method;
        Url = url;
        RequestHeaders = requestHeaders;
        RequestBody = requestBody;
        MaxBodyBytes = maxBodyBytes;
    }

    public string Method { get; }

    public Uri Url { get; }

    /// <summary>Gets the request headers, content headers included, with their real values (mask before showing).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; }

    public byte[] RequestBody { get; }

    public int MaxBodyBytes { get; }

    public int? StatusCode { get; set; }

    /// <summary>Gets or sets the response headers, content headers included.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; set; } = [];

    /// <summary>Gets or sets when the response head arrived, from the start of the request.</summary>
    public TimeSpan? ResponseAt { get; set; }

    /// <summary>Gets or sets the failure that ended the exchange before a response, if any.</summary>
    public string? Failure { get; set; }

    /// <summary>Gets the total number of body bytes read, including those past <see cref="MaxBodyBytes"/>.</summary>
    public long BodyBytesRead { get; private set; }

    /// <summary>Gets whether the body was read to its end.</summary>
    public bool BodyEnded { get; private set; }

    /// <summary>Gets the body bytes kept (at most <see cref="MaxBodyBytes"/>).</summary>
    public ReadOnlyMemory<byte> Body
    {
        get
        {
            lock (_gate)
            {
                return _body.AsMemory(0, _bodyLength).ToArray();
            }
        }
    }

    /// <summary>Gets the reads of the body: where each started and when it arrived.</summary>
    public IReadOnlyList<WireChunk> Chunks
    {
        get
        {
            lock (_gate)
            {
                return [.. _chunks];
            }
        }
    }

    /// <summary>Gets the value of a response header, or null.</summary>
    public string? ResponseHeader(string name)
    {
        var values = ResponseHeaders.Where(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).ToArray();
        return values.Length == 0 ? null : string.Join(", ", values);
    }

    /// <summary>Records bytes read from the body at <paramref name="at"/>.</summary>
    public void Record(ReadOnlySpan<byte> bytes, TimeSpan at)
    {
        lock (_gate)
        {
            _chunks.Add(new WireChunk(BodyBytesRead, bytes.Length, at));
            BodyBytesRead += bytes.Length;
            var keep = Math.Min(bytes.Length, MaxBodyBytes - _bodyLength);
            if (keep > 0)
            {
                if (_body.Length < _bodyLength + keep)
                {
                    Array.Resize(ref _body, Math.Min(MaxBodyBytes, Math.Max(_bodyLength + keep, _body.Length * 2)));
                }

                bytes[..keep].CopyTo(_body.AsSpan(_bodyLength));
                _bodyLength += keep;
            }
        }
    }

    /// <summary>Records that the body ended.</summary>
    public void End() => BodyEnded = true;

    /// <summary>Gets when the body byte at <paramref name="offset"/> arrived.</summary>
    public TimeSpan? ArrivalOf(long offset)
    {
        lock (_gate)
        {
            foreach (var chunk in _chunks)
            {
                if (offset < chunk.Offset + chunk.Length)
                {
                    return chunk.At;
                }
            }

            return _chunks.Count == 0 ? null : _chunks[^1].At;
        }
    }
}
