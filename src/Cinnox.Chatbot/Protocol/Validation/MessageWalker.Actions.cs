namespace Cinnox.Chatbot;

/// <summary>The button-action rules (docs/protocol.md#advanced-message): a postback posts text; an open-URL action opens an absolute http or https URL.</summary>
internal sealed partial class MessageWalker
{
    private void Action(ButtonAction? action)
    {
        _path.Push("action");
        switch (action)
        {
            case null:
                Error(null, ChatbotValidationCodes.Required, "A button needs an 'action' (postback, type 1, or open URL, type 2).");
                break;
            case PostbackAction postback:
                if (string.IsNullOrWhiteSpace(postback.Text))
                {
                    Error("text", ChatbotValidationCodes.Required, "A postback action needs the 'text' to post when pressed.");
                }
                else
                {
                    MaxLength("text", postback.Text, TextItem.MaxLength);
                }

                break;
            case OpenUrlAction openUrl:
                if (string.IsNullOrWhiteSpace(openUrl.Url))
                {
                    Error("url", ChatbotValidationCodes.Required, "An open-URL action needs a 'url'.");
                }
                else if (!UriRules.TryParseAbsoluteHttp(openUrl.Url, out _))
                {
                    Error("url", ChatbotValidationCodes.InvalidUrl, $"'{openUrl.Url}' is not an absolute http or https URL.");
                }

                break;
            case UnknownButtonAction unknown:
                Unknown("type", "button action", unknown.TypeNumber, "1 (postback) or 2 (open URL)");
                break;
        }

        _path.Pop();
    }
}
