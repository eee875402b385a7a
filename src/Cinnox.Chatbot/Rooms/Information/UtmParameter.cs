namespace Cinnox.Chatbot.Rooms;

/// <summary>One UTM parameter read from an enquiry's weblink, such as <c>utm_source=newsletter</c>.</summary>
/// <param name="Name">
/// The parameter's name: one of the five standard names in lower case (<c>utm_campaign</c>, <c>utm_content</c>,
/// <c>utm_medium</c>, <c>utm_source</c>, <c>utm_term</c>), or a custom name exactly as the weblink spells it
/// (URL-decoded), such as <c>utm_memberid</c>.
/// </param>
/// <param name="Value">The URL-decoded value; never empty.</param>
public sealed record UtmParameter(string Name, string Value)
{
    /// <summary>Gets a value indicating whether this is one of the five standard parameters.</summary>
    public bool IsStandard => UtmInformation.StandardNames.Contains(Name);

    /// <summary>
    /// Gets the label the room's UTM information shows: <c>UTM Campaign</c>, <c>UTM Content</c>, <c>UTM Medium</c>,
    /// <c>UTM Source</c>, <c>UTM Term</c>, or <c>UTM {parameter}</c> for a custom one (<c>UTM memberid</c>).
    /// </summary>
    public string Label => Name switch
    {
        UtmInformation.CampaignName => "UTM Campaign",
        UtmInformation.ContentName => "UTM Content",
        UtmInformation.MediumName => "UTM Medium",
        UtmInformation.SourceName => "UTM Source",
        UtmInformation.TermName => "UTM Term",
        _ => "UTM " + Name[UtmInformation.Prefix.Length..],
    };
}
