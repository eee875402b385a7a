namespace Cinnox.Chatbot;

/// <summary>Per-call settings of a request to a chatbot that are not part of the request body.</summary>
public sealed class ChatbotSendOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the enquiry comes from an external omni-channel (WhatsApp,
    /// LINE, WeChat, Facebook, …). Such enquiries never stream: the request asks for JSON even when the
    /// destination has streaming on (docs/protocol.md#when-a-reply-may-stream).
    /// </summary>
    /// <value><see langword="false"/>: the enquiry comes from a CINNOX native channel (Web Widget, Workspace, in-app messaging).</value>
    public bool IsExternalChannel { get; set; }
}
