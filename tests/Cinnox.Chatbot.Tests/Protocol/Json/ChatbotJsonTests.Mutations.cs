using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cinnox.Chatbot.Testing;

namespace Cinnox.Chatbot.Tests;

/// <summary>
/// Mutates the help page's examples at random — dropped fields, values of the wrong JSON type, truncation,
/// flipped bytes — and checks that reading never fails with anything but <see cref="ChatbotProtocolException"/>,
/// and that whatever is read can be validated and written again.
/// </summary>
public partial class ChatbotJsonTests
{
    private const int Iterations = 400;

    public static TheoryData<string> Examples => [.. SeedExamples.AllNames.Where(name => name.StartsWith("reply", StringComparison.Ordinal) || name.StartsWith("request", StringComparison.Ordinal) || name.StartsWith("stream", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void StructuralMutations_NeverEscapeAsAnythingButProtocolException(string name)
    {
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) ^ 20261121);
        var original = JsonNode.Parse(SeedExamples.Text(name))!;
        for (var i = 0; i < Iterations; i++)
        {
            var mutated = original.DeepClone();
            for (var step = random.Next(1, 4); step > 0; step--)
            {
                Mutate(mutated, random);
            }

            ReadEverything(Encoding.UTF8.GetBytes(mutated.ToJsonString()));
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ByteMutationsAndTruncation_NeverEscapeAsAnythingButProtocolException(string name)
    {
        var random = new Random(name.Length * 7919);
        var bytes = SeedExamples.Utf8(name);
        for (var length = 0; length <= bytes.Length; length++)
        {
            ReadEverything(bytes.AsSpan(0, length).ToArray());
        }

        for (var i = 0; i < Iterations; i++)
        {
            var copy = (byte[])bytes.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            ReadEverything(copy);
        }
    }

    private static void ReadEverything(byte[] utf8)
    {
        ShouldOnlyThrowProtocolException(() =>
        {
            var message = ChatbotJson.ParseReply(utf8);
            _ = ChatbotMessageValidator.Validate(message);
            _ = ChatbotJson.SerializeReply(message);
        });
        ShouldOnlyThrowProtocolException(() => _ = ChatbotJson.SerializeRequest(ChatbotJson.ParseRequest(utf8)));
    }

    private static void ShouldOnlyThrowProtocolException(Action action)
    {
        try
        {
            action();
        }
        catch (ChatbotProtocolException)
        {
        }
    }

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(12.5), JsonValue.Create(true),
        JsonValue.Create(""), JsonValue.Create("DIRECT_TRANSFER"), JsonValue.Create(new string('x', 50)),
        new JsonArray(), new JsonObject(), new JsonArray(JsonValue.Create(1), null),
        new JsonObject { ["type"] = 99 }, JsonValue.Create(int.MaxValue), JsonValue.Create(long.MaxValue),
    ];

    private static void Mutate(JsonNode root, Random random)
    {
        var containers = new List<JsonNode>();
        Collect(root, containers);
        var target = containers[random.Next(containers.Count)];
        switch (target)
        {
            case JsonObject obj when obj.Count > 0:
                var key = obj.ElementAt(random.Next(obj.Count)).Key;
                switch (random.Next(3))
                {
                    case 0:
                        obj.Remove(key);
                        break;
                    case 1:
                        obj[key] = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                        break;
                    default:
                        obj["extra" + random.Next(100)] = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                        break;
                }

                break;
            case JsonArray array when array.Count > 0:
                var index = random.Next(array.Count);
                if (random.Next(2) == 0)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = Replacements[random.Next(Replacements.Length)]?.DeepClone();
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject obj:
                containers.Add(obj);
                foreach (var (_, value) in obj)
                {
                    Collect(value, containers);
                }

                break;
            case JsonArray array:
                containers.Add(array);
                foreach (var value in array)
                {
                    Collect(value, containers);
                }

                break;
        }
    }
}
