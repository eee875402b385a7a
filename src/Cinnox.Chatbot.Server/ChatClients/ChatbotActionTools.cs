namespace Cinnox.Chatbot.Server;

/// <summary>
/// The CINNOX actions a model behind a chatbot endpoint may call as tools (see <see cref="ChatbotTools"/>).
/// </summary>
[Flags]
public enum ChatbotActionTools
{
    /// <summary>No action tools: the model only writes text.</summary>
    None = 0,

    /// <summary>
    /// <see cref="ChatbotTools.TransferToLiveAgent"/>: the reply becomes <c>DIRECT_TRANSFER</c>. The platform only
    /// transfers when the destination has "Transfer Chatbot to Live Agent" on (docs/protocol.md#text-message).
    /// </summary>
    TransferToLiveAgent = 1,

    /// <summary><see cref="ChatbotTools.CloseEnquiry"/>: the reply becomes <c>CLOSE_ENQUIRY</c>.</summary>
    CloseEnquiry = 2,

    /// <summary>
    /// <see cref="ChatbotTools.OfferChoices"/>: the reply becomes an advanced message, the model's text in a bubble
    /// followed by a quick reply whose buttons post the choices back.
    /// </summary>
    OfferChoices = 4,

    /// <summary>Every action tool.</summary>
    All = TransferToLiveAgent | CloseEnquiry | OfferChoices,
}
