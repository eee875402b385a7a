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
    private int _column;
    private int _indent;
    private string _continuation = string.Empty;

    public Terminal(TextWriter output, bool color, int width)
    {
        _output = output;
        UseColor = color;
        Width = Math.Clamp(width, 60, 110);
    }

    public bool UseColor { get; }

    public int Width { get; }

    /// <summary>Creates a terminal for the console: colour when stdout is a terminal and NO_COLOR is not set.</summary>
    public static Terminal ForConsole()
    {
        var redirected = Console.IsOutputRedirected;
        var color = !redirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";
        var width = 100;
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

    /// <summary>Writes text that wraps at word boundaries; a word is held until it is complete so it is never split.</summary>
    public void Write(string text, Func<string, string>? style = null)
    {
        foreach (var c in text)
        {
            if (c == '\n')
            {
                FlushWord(style);
                NewLine();
            }
            else if (c == ' ')
            {
                FlushWord(style);
                if (_column < Width && _column > _indent)
                {
                    _output.Write(' ');
                    _column++;
                }
            }
            else
            {
                _word.Append(c);
            }
        }
    }

    /// <summary>Writes the word held back and ends the line.</summary>
    public void EndLine(Func<string, string>? style = null)
    {
        FlushWord(style);
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
        FlushWord(style);
        _output.Flush();
    }

    /// <summary>Writes a prompt and leaves the cursor after it; the reader's Enter ends the line.</summary>
    public void Prompt(string prompt)
    {
        EndLine();
        _output.Write(prompt);
        _output.Flush();
    }

    public void WriteLine(string line = "")
    {
        EndLine();
        _output.WriteLine(line);
    }

    public void Rule(string title)
    {
        EndLine();
        var text = $"── {title} ";
        _output.WriteLine();
        _output.WriteLine(Dim(text + new string('─', Math.Max(3, Width - text.Length))));
    }

    private void FlushWord(Func<string, string>? style)
    {
        if (_word.Length == 0)
        {
            return;
        }

        if (_column + _word.Length > Width && _column > _indent)
        {
            NewLine();
        }

        var word = _word.ToString();
        _output.Write(style is null ? word : style(word));
        _column += word.Length;
        _word.Clear();
    }

    private void NewLine()
    {
        _output.WriteLine();
        _output.Write(_continuation);
        _column = _indent;
    }

    private string Style(string text, string code) => UseColor ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
