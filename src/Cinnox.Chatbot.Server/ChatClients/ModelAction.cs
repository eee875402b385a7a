using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Cinnox.Chatbot.Server.ChatClients;

/// <summary>A CINNOX action a model called as a tool: which one, and for choices, the choices.</summary>
internal sealed record ModelAction(ChatbotActionTools Kind, IReadOnlyList<string> Choices)
{
    /// <summary>Gets a value indicating whether the action is the whole reply (a transfer or a close), whatever text comes with it.</summary>
    public bool EndsReply => Kind is ChatbotActionTools.TransferToLiveAgent or ChatbotActionTools.CloseEnquiry;

    /// <summary>Finds the first call of an offered action tool among a model's contents.</summary>
    public static ModelAction? Find(IList<AIContent> contents, ChatbotActionTools offered)
    {
        if (offered == ChatbotActionTools.None)
        {
            return null;
        }

        foreach (var content in contents)
        {
            if (content is not FunctionCallContent call)
            {
                continue;
            }

            var kind = call.Name switch
            {
                ChatbotTools.TransferToLiveAgentName => ChatbotActionTools.TransferToLiveAgent,
                ChatbotTools.CloseEnquiryName => ChatbotActionTools.CloseEnquiry,
                ChatbotTools.OfferChoicesName => ChatbotActionTools.OfferChoices,
                _ => ChatbotActionTools.None,
            };
            if (kind != ChatbotActionTools.None && offered.HasFlag(kind))
            {
                return new ModelAction(kind, kind == ChatbotActionTools.OfferChoices ? ReadChoices(call) : []);
            }
        }

        return null;
    }

    /// <summary>Reads the choices however the provider handed the arguments over: JSON, strings, or objects.</summary>
    private static string[] ReadChoices(FunctionCallContent call)
    {
        if (call.Arguments is null || !call.Arguments.TryGetValue("choices", out var value) || value is null)
        {
            return [];
        }

        IEnumerable<string?> raw = value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(static item =>
                item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText()),
            JsonElement { ValueKind: JsonValueKind.String } single => [single.GetString()],
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(static item => item?.ToString()),
            _ => [value.ToString()],
        };

        return raw
            .Select(static choice => choice?.Trim())
            .Where(static choice => !string.IsNullOrEmpty(choice))
            .Distinct(StringComparer.Ordinal)
            .Take(ChatbotTools.MaxChoices)
            .ToArray()!;
    }
}
