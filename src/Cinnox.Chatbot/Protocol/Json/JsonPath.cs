using System.Globalization;
using System.Text;

namespace Cinnox.Chatbot;

/// <summary>
/// The one JSON path dialect of the package, System.Text.Json's: <c>$</c> for the document checked or read, then
/// <c>.name</c> for a property and <c>[i]</c> for an array element, as in <c>$.message.advancedItems[0].items[2].text</c>.
/// Validation issues, builder errors and reading errors all name their place this way.
/// </summary>
/// <remarks>
/// A walk pushes and pops segments as it goes and turns them into text only when it reports something, so walking
/// a valid model allocates nothing for paths. The static helpers build a known path in one step.
/// </remarks>
internal sealed class JsonPath
{
    /// <summary>The root of a document: the message for validation, the body for reading.</summary>
    public const string Root = "$";

    private readonly string _start;
    private readonly List<(string? Name, int Index)> _segments = [];

    /// <summary>Starts a path at <paramref name="start"/>, a path in this dialect.</summary>
    /// <param name="start">Where the walk begins, such as <c>$.advancedItems[0]</c>.</param>
    public JsonPath(string start = Root) => _start = start;

    /// <summary>Goes down into a property.</summary>
    public void Push(string name) => _segments.Add((name, -1));

    /// <summary>Goes down into an element of an array property.</summary>
    public void Push(string name, int index) => _segments.Add((name, index));

    /// <summary>Goes down into an element of the current array.</summary>
    public void Push(int index) => _segments.Add((null, index));

    /// <summary>Goes back up one step.</summary>
    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    /// <summary>Gets the path as text, with <paramref name="leaf"/> as a last property when given.</summary>
    public string Describe(string? leaf = null)
    {
        var text = new StringBuilder(_start);
        foreach (var (name, index) in _segments)
        {
            AppendProperty(text, name);
            if (index >= 0)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        AppendProperty(text, leaf);
        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    /// <summary>The path of a property below <paramref name="path"/>.</summary>
    public static string Property(string path, string name) => $"{path}.{name}";

    /// <summary>The path of an element of an array property below <paramref name="path"/>.</summary>
    public static string Element(string path, string name, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}.{name}[{index}]");

    private static void AppendProperty(StringBuilder text, string? name)
    {
        if (!string.IsNullOrEmpty(name))
        {
            text.Append('.').Append(name);
        }
    }
}
