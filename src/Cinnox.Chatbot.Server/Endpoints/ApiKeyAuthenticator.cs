using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// Checks that a request carries the configured API key. Both keys are hashed with SHA-256 and the digests
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken reveals neither the
/// key's content nor its length.
/// </summary>
internal sealed class ApiKeyAuthenticator
{
    private const int StackLimit = 256;
    private readonly byte[] _expectedHash;

    private ApiKeyAuthenticator(string headerName, string? scheme, string apiKey)
    {
        HeaderName = headerName;
        Scheme = scheme;
        _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
    }

    public string HeaderName { get; }

    public string? Scheme { get; }

    public static ApiKeyAuthenticator? Create(ChatbotServerOptions options) =>
        string.IsNullOrEmpty(options.ApiKey) ? null : new(options.ApiKeyHeaderName, options.ApiKeyScheme, options.ApiKey);

    public bool IsAuthorized(HttpRequest request)
    {
        var values = request.Headers[HeaderName];
        if (values.Count != 1 || values[0] is not { } value)
        {
            return false;
        }

        var presented = value.AsSpan().Trim();
        if (Scheme is not null)
        {
            // RFC 9110 §11.1: the scheme is case-insensitive, separated from its credentials by spaces.
            if (presented.Length <= Scheme.Length + 1 ||
                !presented.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ||
                presented[Scheme.Length] != ' ')
            {
                return false;
            }

            presented = presented[(Scheme.Length + 1)..].TrimStart(' ');
        }

        return Matches(presented);
    }

    private bool Matches(ReadOnlySpan<char> key)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(key, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..length], hash);
            CryptographicOperations.ZeroMemory(utf8[..length]);
            return CryptographicOperations.FixedTimeEquals(hash, _expectedHash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
