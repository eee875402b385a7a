using System.Text;

namespace Cinnox.Chatbot;

/// <summary>
/// A JSON path built up while walking a model. Segments are pushed and popped as the walk goes and the
/// text is only produced when an issue is reported, so validating a valid message allocates nothing for paths.
/// </summary>
internal sealed class JsonPath
{
    private readonly string _prefix;
    private readonly List<(string? Name, int Index)> _segments = [];

    public JsonPath(string prefix = "") => _prefix = prefix;

    public void Push(string name) => _segments.Add((name, -1));

    public void Push(string name, int index) => _segments.Add((name, index));

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public string Describe(string? leaf = null)
    {
        var text = new StringBuilder(_prefix);
        foreach (var (name, index) in _segments)
        {
            Append(text, name);
            if (index >= 0)
            {
                text.Append('[').Append(index).Append(']');
            }
        }

        Append(text, leaf);
        return text.ToString();
    }

    public override string ToString() => Describe();

    private static void Append(StringBuilder text, string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append('.');
        }

        text.Append(name);
    }
}
