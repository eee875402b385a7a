namespace Cinnox.Chatbot;

/// <summary>The media rules (docs/protocol.md#advanced-message): an absolute http or https URL naming a supported format.</summary>
internal sealed partial class MessageWalker
{
    private void Media(MediaItem media)
    {
        var kind = media switch
        {
            ImageItem => "image",
            VideoItem => "video",
            _ => "audio",
        };

        if (string.IsNullOrWhiteSpace(media.FileUrl))
        {
            Error("fileUrl", ChatbotValidationCodes.Required, $"A media item ({kind}) needs a 'fileUrl'.");
            return;
        }

        if (!UriRules.TryParseAbsoluteHttp(media.FileUrl, out var uri))
        {
            Error("fileUrl", ChatbotValidationCodes.InvalidUrl, $"'{media.FileUrl}' is not an absolute http or https URL.");
            return;
        }

        var extension = MediaFormats.GetExtension(uri!);
        if (extension.Length > 0 && !media.SupportedExtensions.Contains(extension))
        {
            Error("fileUrl", ChatbotValidationCodes.UnsupportedMediaFormat,
                $"'.{extension}' is not a supported {kind} format; use one of {string.Join(", ", media.SupportedExtensions.Order(StringComparer.Ordinal))}.");
        }
    }
}
