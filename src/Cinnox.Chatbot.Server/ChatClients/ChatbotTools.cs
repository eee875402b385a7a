using Cinnox.Chatbot.Server.ChatClients;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server;

/// <summary>
/// The CINNOX actions as tools a model may call (<see cref="AIFunction"/>s with explicit JSON schemas). A chatbot
/// endpoint answered by an <see cref="IChatClient"/> offers those chosen in
/// <see cref="ChatClientChatbotOptions.ActionTools"/> and turns the model's calls into replies, whether or not the
/// pipeline invokes functions (<c>UseFunctionInvocation</c>).
/// </summary>
/// <remarks>
/// Invoking <see cref="TransferToLiveAgent"/> or <see cref="CloseEnquiry"/> inside <c>UseFunctionInvocation</c>
/// ends the model's turn (<see cref="FunctionInvocationContext.Terminate"/>); invoking <see cref="OfferChoices"/>
/// tells the model to write the message that goes with the buttons.
/// </remarks>
public static class ChatbotTools
{
    /// <summary>The name of <see cref="TransferToLiveAgent"/>: <c>transfer_to_live_agent</c>.</summary>
    public const string TransferToLiveAgentName = "transfer_to_live_agent";

    /// <summary>The name of <see cref="CloseEnquiry"/>: <c>close_enquiry</c>.</summary>
    public const string CloseEnquiryName = "close_enquiry";

    /// <summary>The name of <see cref="OfferChoices"/>: <c>offer_choices</c>.</summary>
    public const string OfferChoicesName = "offer_choices";

    /// <summary>The most choices <see cref="OfferChoices"/> shows: 10; later ones are dropped.</summary>
    public const int MaxChoices = 10;

    private const string NoArguments = """{"type":"object","properties":{},"additionalProperties":false}""";

    /// <summary>Gets the tool that hands the enquiry to a live agent: the reply becomes <c>DIRECT_TRANSFER</c>.</summary>
    public static AIFunction TransferToLiveAgent { get; } = new ChatbotActionFunction(
        TransferToLiveAgentName,
        "Transfer the visitor to a human live agent. Call it, before writing any text, when the visitor asks for a person " +
        "or needs help you cannot give. Your reply then ends; the platform connects the visitor with an agent.",
        NoArguments,
        "The enquiry is being transferred to a live agent. Do not write anything more.",
        endsTurn: true);

    /// <summary>Gets the tool that closes the enquiry: the reply becomes <c>CLOSE_ENQUIRY</c>.</summary>
    public static AIFunction CloseEnquiry { get; } = new ChatbotActionFunction(
        CloseEnquiryName,
        "Close the enquiry. Call it, before writing any text, only when the visitor says they are done. " +
        "Your reply then ends and the conversation is closed.",
        NoArguments,
        "The enquiry is being closed. Do not write anything more.",
        endsTurn: true);

    /// <summary>
    /// Gets the tool that offers the visitor choices: the reply becomes an advanced message, the model's text in a
    /// bubble followed by a quick reply whose buttons post each choice back as the visitor's next message.
    /// </summary>
    /// <remarks>
    /// A button shows at most 20 characters (docs/protocol.md#advanced-message), so a longer choice is shortened on its button and posted
    /// back whole. At most <see cref="MaxChoices"/> are shown; empty and repeated ones are skipped.
    /// </remarks>
    public static AIFunction OfferChoices { get; } = new ChatbotActionFunction(
        OfferChoicesName,
        "Show the visitor buttons to pick from, under your reply. Call it before writing your reply; keep each choice short " +
        "(at most 20 characters shows whole). When the visitor picks one, its text comes back as their next message.",
        $$$"""
        {"type":"object","properties":{"choices":{"type":"array","description":"The choices, in order; at most {{{MaxChoices}}}.","items":{"type":"string"},"minItems":1,"maxItems":{{{MaxChoices}}}}},"required":["choices"],"additionalProperties":false}
        """,
        "The choices will be shown as buttons under your reply. Now write the short message that goes with them.",
        endsTurn: false);

    /// <summary>Gets the tools of the chosen actions.</summary>
    internal static IEnumerable<AIFunction> For(ChatbotActionTools actions)
    {
        if (actions.HasFlag(ChatbotActionTools.TransferToLiveAgent))
        {
            yield return TransferToLiveAgent;
        }

        if (actions.HasFlag(ChatbotActionTools.CloseEnquiry))
        {
            yield return CloseEnquiry;
        }

        if (actions.HasFlag(ChatbotActionTools.OfferChoices))
        {
            yield return OfferChoices;
        }
    }
}
