namespace Cinnox.Chatbot;

/// <summary>
/// docs/protocol.md#hostile-bots: a body is never shown as text unless it is decoded. The client asks for an uncompressed body
/// (<c>Accept-Encoding: identity</c>) and does not decode, so a reply whose <c>Content-Encoding</c> names any other
/// coding is refused.
/// </summary>
/// <remarks>
/// An <see cref="HttpClient"/> of the caller's own whose handler decodes (<c>AutomaticDecompression</c>) removes the
/// header as it decodes, so such replies arrive as plain bodies and the limits count the decoded bytes.
/// </remarks>
internal static class ContentCodings
{
    private const int MaxShownLength = 64;

    /// <summary>Returns the first coding other than <c>identity</c> the content is encoded with, or <see langword="null"/>.</summary>
    public static string? FindNonIdentity(HttpContent content)
    {
        if (!content.Headers.NonValidated.TryGetValues("Content-Encoding", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var part in value.Split(','))
            {
                var coding = part.Trim();
                if (coding.Length == 0 || coding.Equals("identity", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                return HttpRules.Printable(coding.Length > MaxShownLength ? coding[..MaxShownLength] : coding);
            }
        }

        return null;
    }

    /// <summary>The reason of a reply refused for its coding.</summary>
    public static string DescribeRefused(string coding) =>
        $"The reply has Content-Encoding '{coding}'; the client asks for an uncompressed body (Accept-Encoding: identity) and never reads an encoded body as text.";
}
