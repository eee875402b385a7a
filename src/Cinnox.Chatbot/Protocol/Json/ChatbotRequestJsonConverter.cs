using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cinnox.Chatbot.Json;

/// <summary>
/// Reads both request formats and writes the current one (docs/protocol.md#request).
/// </summary>
/// <remarks>
/// Hand-written because the wire shape is not one class: context fields sit flat at the top level (or in a
/// nested <c>context</c> object), the legacy format nests the query elsewhere, and unknown fields must be
/// kept. The legacy format is written by <see cref="ChatbotJson.WriteRequest"/>.
/// </remarks>
internal sealed class ChatbotRequestJsonConverter : JsonConverter<ChatbotRequest>
{
    public override ChatbotRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"The request body must be a JSON object but is {JsonReading.Describe(reader.TokenType)}.");
        }

        var request = new ChatbotRequest();
        string? query = null;
        string? legacyQuery = null;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The known names are matched on their bytes: no string is made for a name the request always carries.
            var name = KnownName(ref reader) ?? reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "query":
                    query = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Null => null,
                        _ => throw ProtocolReadException.At("query", $"must be a string but is {JsonReading.Describe(reader.TokenType)}"),
                    };
                    break;
                case "queryResult":
                    legacyQuery = ReadLegacyQuery(ref reader);
                    break;
                case "queryParams":
                    ReadQueryParams(ref reader, request);
                    break;
                case "inquiryID":
                    request.InquiryId = ReadScalar(ref reader, name);
                    break;
                case "action":
                    request.Action = ReadScalar(ref reader, name) ?? ChatbotRequest.StandardAction;
                    break;
                case "context" when reader.TokenType == JsonTokenType.StartObject:
                    request.AdditionalProperties[name] = ReadNestedContext(ref reader, request.Context);
                    break;
                default:
                    var slot = ChatbotEnquiryContext.TryGetSlot(name);
                    if (slot >= 0)
                    {
                        // Top-level context fields win over the nested "context" object.
                        request.Context.SetSlot(slot, ReadScalar(ref reader, name));
                    }
                    else
                    {
                        request.AdditionalProperties[name] = JsonElement.ParseValue(ref reader);
                    }

                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The request body is not a complete JSON object.");
        }

        if (query is not null)
        {
            request.Query = query;
            request.Format = ChatbotRequestFormat.Current;
        }
        else if (legacyQuery is not null)
        {
            request.Query = legacyQuery;
            request.Format = ChatbotRequestFormat.Legacy;
        }
        else
        {
            throw new JsonException(
                "The request has no query: send a string 'query' (current format) or 'queryResult.queryText' (legacy format).");
        }

        return request;
    }

    public override void Write(Utf8JsonWriter writer, ChatbotRequest value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("query"u8, value.Query);
        writer.WriteStartObject("queryParams"u8);
        if (value.QueryParamsIfAny is { } queryParams)
        {
            foreach (var (key, parameter) in queryParams)
            {
                writer.WriteString(key, parameter);
            }
        }

        writer.WriteEndObject();
        if (value.InquiryId is not null)
        {
            writer.WriteString("inquiryID"u8, value.InquiryId);
        }

        writer.WriteString("action"u8, value.Action ?? ChatbotRequest.StandardAction);
        if (value.Context is { } context)
        {
            for (var slot = 0; slot < ChatbotEnquiryContext.SlotCount; slot++)
            {
                if (context.GetSlot(slot) is { } field)
                {
                    writer.WriteString(ChatbotEnquiryContext.SlotName(slot), field);
                }
            }
        }

        if (value.AdditionalPropertiesIfAny is { } additionalProperties)
        {
            foreach (var (name, element) in additionalProperties)
            {
                if (!IsKnownName(name))
                {
                    writer.WritePropertyName(name);
                    element.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    private static bool IsKnownName(string name) =>
        name is "query" or "queryParams" or "inquiryID" or "action" or "queryResult" || ChatbotEnquiryContext.IsFieldName(name);

    private static string? ReadLegacyQuery(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ProtocolReadException.At("queryResult", $"must be an object but is {JsonReading.Describe(reader.TokenType)}");
        }

        string? text = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isQueryText = reader.ValueTextEquals("queryText"u8);
            reader.Read();
            if (isQueryText)
            {
                text = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw ProtocolReadException.At(ProtocolReadException.At("queryText", $"must be a string but is {JsonReading.Describe(reader.TokenType)}"), "queryResult"),
                };
            }
            else
            {
                reader.Skip();
            }
        }

        return text;
    }

    private static string? KnownName(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("query"u8) ? "query" :
        reader.ValueTextEquals("queryParams"u8) ? "queryParams" :
        reader.ValueTextEquals("inquiryID"u8) ? "inquiryID" :
        reader.ValueTextEquals("action"u8) ? "action" :
        reader.ValueTextEquals("queryResult"u8) ? "queryResult" :
        null;

    private static void ReadQueryParams(ref Utf8JsonReader reader, ChatbotRequest request)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ProtocolReadException.At("queryParams", $"must be an object but is {JsonReading.Describe(reader.TokenType)}");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    // Not a key/value pair as the protocol defines it; kept as its JSON text rather than lost.
                    request.QueryParams[key] = JsonElement.ParseValue(ref reader).GetRawText();
                    break;
                default:
                    request.QueryParams[key] = ScalarText(ref reader);
                    break;
            }
        }
    }

    private static JsonElement ReadNestedContext(ref Utf8JsonReader reader, ChatbotEnquiryContext context)
    {
        var element = JsonElement.ParseValue(ref reader);
        foreach (var property in element.EnumerateObject())
        {
            var slot = ChatbotEnquiryContext.TryGetSlot(property.Name);
            if (slot < 0 || context.GetSlot(slot) is not null)
            {
                continue;
            }

            context.SetSlot(slot, property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            });
        }

        return element;
    }

    private static string? ReadScalar(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => ScalarText(ref reader),
        _ => throw ProtocolReadException.At(name, $"must be a string but is {JsonReading.Describe(reader.TokenType)}"),
    };

    private static string ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
    };
}
