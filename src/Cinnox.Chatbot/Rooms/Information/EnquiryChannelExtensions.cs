namespace Cinnox.Chatbot.Rooms;

/// <summary>Extensions for <see cref="EnquiryChannel"/>.</summary>
public static class EnquiryChannelExtensions
{
    /// <summary>Gets the name the platform shows for a channel: Tag, Weblink, Virtual Number, Social or Third Party.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The display name; the number for an undefined value.</returns>
    public static string GetDisplayName(this EnquiryChannel channel) => channel switch
    {
        EnquiryChannel.Tag => "Tag",
        EnquiryChannel.Weblink => "Weblink",
        EnquiryChannel.VirtualNumber => "Virtual Number",
        EnquiryChannel.Social => "Social",
        EnquiryChannel.ThirdParty => "Third Party",
        _ => ((int)channel).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Gets a value indicating whether enquiries from the channel carry UTM information: Tag and Weblink
    /// enquiries do; Social, Virtual Number and Third Party ones do not (docs/chat-rooms.md#utm-information).
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> for <see cref="EnquiryChannel.Tag"/> and <see cref="EnquiryChannel.Weblink"/>.</returns>
    public static bool SupportsUtm(this EnquiryChannel channel) => channel is EnquiryChannel.Tag or EnquiryChannel.Weblink;
}
