using System.Text;

namespace ChatRoomDemo;

/// <summary>
/// Writes text for a person reading a terminal: words wrapped under a hanging indent (also while a reply streams
/// in piece by piece), and colour only when the output is a terminal that wants it.
/// </summary>
internal sealed class Terminal
{
    private readonly TextWriter _output;
    private readonly StringBuilder _word = new();
    private Func<string, string>? _wordStyle;
    private int _wordWidth;
    private int _spaces;
    private int _column;
    private int _indent;
    private string _continuation = string.Empty;

    public Terminal(TextWriter output, bool color, int width)
    {
        _output = output;
        UseColor = color;
        Width = Math.Clamp(width, 40, 110);
    }

    public bool UseColor { get; }

    public int Width { get; }

    /// <summary>Creates a terminal for the console: colour when stdout is a terminal and NO_COLOR is not set.</summary>
    public static Terminal ForConsole()
    {
        var redirected = Console.IsOutputRedirected;
        var color = !redirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";
        var width = 79; // An 80-column terminal, the narrowest in common use, when the real width is unknown.
        if (!redirected)
        {
            try
            {
                width = Console.WindowWidth - 1;
            }
            catch (IOException)
            {
                // No console window (a pseudo-terminal without a size): keep the default width.
            }
        }

        return new Terminal(Console.Out, color, width);
    }

    public string Bold(string text) => Style(text, "1");

    public string Dim(string text) => Style(text, "2");

    public string Italic(string text) => Style(text, "3");

    public string Strike(string text) => Style(text, "9");

    public string Color(string text, int code) => Style(text, code.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// Starts a line: writes a prefix (already styled), then wraps what follows under <paramref name="indent"/>;
    /// wrapped lines start with <paramref name="continuation"/> (styled, <paramref name="indent"/> wide when visible).
    /// </summary>
    public void BeginLine(string prefix, int visibleLength, int indent, string? continuation = null)
    {
        EndLine();
        _output.Write(prefix);
        _column = visibleLength;
        _indent = indent;
        _continuation = continuation ?? new string(' ', indent);
    }

    /// <summary>
    /// Writes text that wraps at word boundaries; a word is held until it is complete so it is never split, and keeps
    /// the style it was written in even when the next piece comes in another style. Colour codes take no width.
    /// </summary>
    public void Write(string text, Func<string, string>? style = null)
    {
        if (_word.Length > 0 && _wordStyle != style)
        {
            FlushWord();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                FlushWord();
                _spaces = 0;
                NewLine();
            }
            else if (c == ' ')
            {
                FlushWord();
                _spaces += _column > _indent ? 1 : 0; // Runs of spaces (column padding) are kept, unless the line wraps there.
            }
            else if (c == '\u001b')
            {
                var end = text.IndexOf('m', i);
                end = end < 0 ? text.Length - 1 : end;
                _word.Append(text, i, end - i + 1); // An escape sequence: written with the word, no width.
                i = end;
                _wordStyle = style;
            }
            else
            {
                _word.Append(c);
                _wordWidth++;
                _wordStyle = style;
            }
        }
    }

    /// <summary>Writes the word held back and ends the line.</summary>
    public void EndLine(Func<string, string>? style = null)
    {
        _wordStyle ??= style;
        FlushWord();
        _spaces = 0;
        if (_column > 0)
        {
            _output.WriteLine();
            _column = 0;
        }

        _output.Flush();
    }

    /// <summary>Writes the word held back, so what arrived so far is on screen.</summary>
    public void Flush(Func<string, string>? style = null)
    {
        _wordStyle ??= style;
        FlushWord();
        _output.Flush();
    }

    /// <summary>Writes a prompt and leaves the cursor after it; the reader's Enter ends the line.</summary>
    public void Prompt(string prompt)
    {
        EndLine();
        _output.Write(prompt);
        _output.Flush();
    }

    /// <summary>Writes a line wrapped to the width; wrapped parts line up under its leading spaces.</summary>
    public void WriteLine(string line = "")
    {
        EndLine();
        if (line.Length == 0)
        {
            _output.WriteLine();
            return;
        }

        var indent = line.Length - line.TrimStart(' ').Length;
        BeginLine(new string(' ', indent), indent, indent);
        Write(line[indent..]);
        EndLine();
    }

    /// <summary>Writes a section header: the title after a short rule, wrapped to the width, and a rule to the end of its last line.</summary>
    public void Rule(string title)
    {
        EndLine();
        _output.WriteLine();
        var lines = new List<string>();
        var line = "──";
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + 1 + word.Length > Width - 4 && line.Length > 3)
            {
                lines.Add(line);
                line = "  ";
            }

            line += " " + word;
        }

        lines.Add(line + " " + new string('─', Math.Max(3, Width - line.Length - 1)));
        foreach (var part in lines)
        {
            _output.WriteLine(Dim(part));
        }
    }

    private void FlushWord()
    {
        if (_word.Length == 0)
        {
            return;
        }

        if (_column + _spaces + _wordWidth > Width && _column > _indent)
        {
            NewLine();
        }
        else if (_spaces > 0)
        {
            _output.Write(new string(' ', _spaces));
            _column += _spaces;
        }

        var word = _word.ToString();
        _output.Write(_wordStyle is null ? word : _wordStyle(word));
        _column += _wordWidth;
        _word.Clear();
        _wordWidth = 0;
        _wordStyle = null;
        _spaces = 0;
    }

    private void NewLine()
    {
        _output.WriteLine();
        _output.Write(_continuation);
        _column = _indent;
        _spaces = 0;
    }

    private string Style(string text, string code) => UseColor ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
