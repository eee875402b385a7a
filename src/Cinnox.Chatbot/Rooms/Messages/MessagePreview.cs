namespace Cinnox.Chatbot.Rooms;

/// <summary>Preview metadata attached to a message: a <see cref="LinkPreview"/> or an <see cref="ImagePreview"/>.</summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(LinkPreview), "link")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ImagePreview), "image")]
public abstract record MessagePreview
{
    private protected MessagePreview(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
    }

    /// <summary>Gets the link or image the preview describes.</summary>
    public Uri Url { get; }
}
