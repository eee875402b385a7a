using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// The UTM (Urchin Tracking Module) information of an enquiry (docs/chat-rooms.md#utm-information): the five standard parameters
/// <c>utm_campaign</c>, <c>utm_content</c>, <c>utm_medium</c>, <c>utm_source</c> and <c>utm_term</c>, and every
/// other <c>utm_*</c> parameter as a custom one, read from the query string of the weblink the enquiry came from.
/// </summary>
/// <remarks>
/// <para>How a weblink is read (<see cref="Parse(Uri?)"/>):</para>
/// <list type="bullet">
/// <item><description>Only the query string counts: the part after the first <c>?</c> and before any <c>#</c>.</description></item>
/// <item><description>
/// Names and values are URL-decoded (<c>%XX</c> as UTF-8, <c>+</c> as a space) after the query is split on
/// <c>&amp;</c> and <c>=</c>, so an encoded <c>%26</c> or <c>%3D</c> stays inside its value. A malformed escape is
/// kept as written. Values are trimmed.
/// </description></item>
/// <item><description>
/// Names are matched case-insensitively (<c>UTM_Source</c> is <c>utm_source</c>), because hand-typed campaign
/// links often differ in case and losing the value would be worse. A custom name keeps the spelling of its first
/// occurrence.
/// </description></item>
/// <item><description>
/// An empty value (<c>utm_source=</c>, or <c>utm_source</c> with no <c>=</c>) counts as absent. When a parameter is
/// repeated, the first non-empty value wins and later ones are ignored (what web analytics tools do).
/// </description></item>
/// <item><description>A name that is only <c>utm_</c> is ignored. Parameters that do not start with <c>utm_</c> are ignored.</description></item>
/// <item><description>A weblink with none of them gives <see cref="Empty"/>.</description></item>
/// </list>
/// <para>
/// Only Tag and Weblink enquiries carry UTM information; an <see cref="EnquiryRoom"/> of another channel, such as
/// Social, ignores the parameters of its link (<see cref="EnquiryChannelExtensions.SupportsUtm"/>).
/// </para>
/// </remarks>
public sealed class UtmInformation
{
    /// <summary>The prefix of every UTM parameter: <c>utm_</c>.</summary>
    public const string Prefix = "utm_";

    /// <summary>The name of the campaign parameter.</summary>
    public const string CampaignName = "utm_campaign";

    /// <summary>The name of the content parameter.</summary>
    public const string ContentName = "utm_content";

    /// <summary>The name of the medium parameter.</summary>
    public const string MediumName = "utm_medium";

    /// <summary>The name of the source parameter.</summary>
    public const string SourceName = "utm_source";

    /// <summary>The name of the term parameter.</summary>
    public const string TermName = "utm_term";

    private static readonly string[] StandardOrder = [CampaignName, ContentName, MediumName, SourceName, TermName];

    private UtmInformation(IReadOnlyList<UtmParameter> parameters)
    {
        Parameters = parameters;
        Custom = new ReadOnlyCollection<UtmParameter>([.. parameters.Where(static parameter => !parameter.IsStandard)]);
    }

    /// <summary>Gets UTM information with no parameter.</summary>
    public static UtmInformation Empty { get; } = new([]);

    /// <summary>Gets the names of the five standard parameters.</summary>
    public static IReadOnlySet<string> StandardNames { get; } = StandardOrder.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets every parameter: the standard ones in the order campaign, content, medium, source, term, then the custom ones in weblink order.</summary>
    public IReadOnlyList<UtmParameter> Parameters { get; }

    /// <summary>Gets the custom parameters (every <c>utm_*</c> that is not standard), in weblink order.</summary>
    public IReadOnlyList<UtmParameter> Custom { get; }

    /// <summary>Gets a value indicating whether no parameter was found.</summary>
    public bool IsEmpty => Parameters.Count == 0;

    /// <summary>Gets <c>utm_campaign</c>: the campaign, or <see langword="null"/>.</summary>
    public string? Campaign => this[CampaignName];

    /// <summary>Gets <c>utm_content</c>: the element the visitor clicked, or <see langword="null"/>.</summary>
    public string? Content => this[ContentName];

    /// <summary>Gets <c>utm_medium</c>: the channel the visitor came through, or <see langword="null"/>.</summary>
    public string? Medium => this[MediumName];

    /// <summary>Gets <c>utm_source</c>: the source of the visitor, or <see langword="null"/>.</summary>
    public string? Source => this[SourceName];

    /// <summary>Gets <c>utm_term</c>: the paid keywords, or <see langword="null"/>.</summary>
    public string? Term => this[TermName];

    /// <summary>Gets a parameter's value by name (case-insensitive), such as <c>utm_memberid</c>.</summary>
    /// <param name="name">The parameter's name, with its <c>utm_</c> prefix.</param>
    /// <returns>The value, or <see langword="null"/> when the weblink did not have it.</returns>
    public string? this[string name] =>
        Parameters.FirstOrDefault(parameter => string.Equals(parameter.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    /// <summary>Reads the UTM parameters of a weblink.</summary>
    /// <param name="weblink">The weblink, absolute or relative; <see langword="null"/> gives <see cref="Empty"/>.</param>
    /// <returns>The UTM information; <see cref="Empty"/> when there is none.</returns>
    public static UtmInformation Parse(Uri? weblink) => weblink is null ? Empty : Parse(weblink.OriginalString);

    /// <summary>Reads the UTM parameters of a weblink or of a bare query string.</summary>
    /// <param name="weblinkOrQuery">
    /// A URL such as <c>https://example.com/chat?utm_source=mail</c>, or a query string with or without its
    /// leading <c>?</c>; <see langword="null"/> gives <see cref="Empty"/>.
    /// </param>
    /// <returns>The UTM information; <see cref="Empty"/> when there is none.</returns>
    public static UtmInformation Parse(string? weblinkOrQuery)
    {
        if (string.IsNullOrEmpty(weblinkOrQuery))
        {
            return Empty;
        }

        var query = weblinkOrQuery.AsSpan();
        var fragment = ReadOnlySpan<char>.Empty;
        var hash = query.IndexOf('#');
        if (hash >= 0)
        {
            fragment = query[(hash + 1)..];
            query = query[..hash];
        }

        var questionMark = query.IndexOf('?');
        var fragmentQuestionMark = fragment.IndexOf('?');
        if (questionMark >= 0)
        {
            query = query[(questionMark + 1)..];
        }
        else if (fragmentQuestionMark >= 0)
        {
            query = fragment[(fragmentQuestionMark + 1)..]; // A single-page app's route: https://shop.example/#/chat?utm_source=fb
        }
        else if (query.Contains("://", StringComparison.Ordinal) || !query.Contains('='))
        {
            return Empty; // A URL without a query string, or text that is not a query.
        }

        // Hand-written: HttpUtility.ParseQueryString joins repeated values with commas (so "a,b" and a repeat
        // cannot be told apart) and decodes before splitting; the rules above need the raw pairs in order.
        var standard = new Dictionary<string, string>(StringComparer.Ordinal);
        var custom = new List<UtmParameter>();
        var customNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            var name = Decode(equals >= 0 ? pair[..equals] : pair).Trim();
            var value = equals >= 0 ? Decode(pair[(equals + 1)..]).Trim() : string.Empty;
            if (value.Length == 0 || name.Length <= Prefix.Length || !name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var lower = name.ToLowerInvariant();
            if (StandardNames.Contains(lower))
            {
                standard.TryAdd(lower, value);
            }
            else if (customNames.Add(name))
            {
                custom.Add(new UtmParameter(name, value));
            }
        }

        if (standard.Count == 0 && custom.Count == 0)
        {
            return Empty;
        }

        var parameters = new List<UtmParameter>(standard.Count + custom.Count);
        foreach (var name in StandardOrder)
        {
            if (standard.TryGetValue(name, out var value))
            {
                parameters.Add(new UtmParameter(name, value));
            }
        }

        parameters.AddRange(custom);
        return new UtmInformation(parameters.AsReadOnly());
    }

    /// <summary>Returns the parameters as <c>name=value</c> pairs joined by <c>&amp;</c>, unencoded, for display and logs.</summary>
    /// <returns>The parameters as text; empty when there are none.</returns>
    public override string ToString() => string.Join('&', Parameters.Select(static parameter => $"{parameter.Name}={parameter.Value}"));

    private static string Decode(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        var withSpaces = text.ToString().Replace('+', ' ');
        return withSpaces.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(withSpaces) : withSpaces;
    }
}
