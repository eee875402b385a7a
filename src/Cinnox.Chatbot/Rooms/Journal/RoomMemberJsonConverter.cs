using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// Reads a message's sender (<c>{"id":"bob","displayName":"Bob","kind":"Staff"}</c>) straight from the reader, handing
/// back the member the same thread read last when every field is the same; writes it exactly as the metadata does.
/// </summary>
/// <remarks>
/// A room's messages come from a handful of members, but every stored message carries its sender whole. Read through the
/// metadata, each one cost a new member, its id and name strings and the constructor's argument state (about 190 bytes),
/// and a loaded room kept one copy per message. A member is an immutable record, so the few members a thread read last
/// (a small per-thread cache, compared on the UTF-8 text before any string is made) are handed back instead. A member
/// with contact details is read through the metadata and not kept. Like the metadata, this skips properties it does
/// not know (such as the computed <c>isStaff</c>) and reads the kind by name, in any case, or by number.
/// </remarks>
internal sealed class RoomMemberJsonConverter : JsonConverter<RoomMember>
{
    private const int Remembered = 4;

    private static readonly (string Name, RoomMemberKind Value)[] KindNames =
        [.. Enum.GetValues<RoomMemberKind>().Select(static kind => (kind.ToString(), kind))];

    [ThreadStatic]
    private static RoomMember?[]? t_recent;

    [ThreadStatic]
    private static int t_next;

    /// <inheritdoc />
    public override RoomMember? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for a member, found {reader.TokenType}.");
        }

        var copy = reader; // To read a member with contact details through the metadata, from its start.
        var recent = t_recent ??= new RoomMember?[Remembered];
        string? id = null, displayName = null;
        RoomMemberKind? kind = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadString(ref reader, recent, static member => member.Id);
            }
            else if (reader.ValueTextEquals("displayName"u8))
            {
                displayName = ReadString(ref reader, recent, static member => member.DisplayName);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                reader.Read();
                kind = ReadKind(ref reader);
            }
            else if (reader.ValueTextEquals("contact"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null)
                {
                    var whole = JsonSerializer.Deserialize(ref copy, (JsonTypeInfo<RoomMember>)options.GetTypeInfo(typeof(RoomMember)));
                    reader = copy; // At the member's end, where the caller expects the reader.
                    return whole;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (id is null || displayName is null || kind is null)
        {
            throw new JsonException("A member needs its 'id', 'displayName' and 'kind'.");
        }

        foreach (var member in recent)
        {
            if (member is not null && ReferenceEquals(member.Id, id) && ReferenceEquals(member.DisplayName, displayName) && member.Kind == kind)
            {
                return member;
            }
        }

        var read = new RoomMember(id, displayName, kind.Value);
        recent[t_next] = read;
        t_next = (t_next + 1) % Remembered;
        return read;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RoomMember value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<RoomMember>)options.GetTypeInfo(typeof(RoomMember)));

    // Hands back a remembered member's string when the text is the same, so a repeated sender makes no new string.
    private static string ReadString(ref Utf8JsonReader reader, RoomMember?[] recent, Func<RoomMember, string> field)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string in a member, found {reader.TokenType}.");
        }

        foreach (var member in recent)
        {
            if (member is not null && member.Contact is null && reader.ValueTextEquals(field(member)))
            {
                return field(member);
            }
        }

        return reader.GetString()!;
    }

    private static RoomMemberKind ReadKind(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return (RoomMemberKind)number;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var kind in KindNames)
            {
                if (reader.ValueTextEquals(kind.Name))
                {
                    return kind.Value;
                }
            }

            if (Enum.TryParse<RoomMemberKind>(reader.GetString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                return parsed;
            }
        }

        throw new JsonException($"A member's kind is one of {string.Join(", ", Enum.GetNames<RoomMemberKind>())}.");
    }
}
