using System.Diagnostics.CodeAnalysis;

namespace Cinnox.Chatbot.Rooms;

/// <summary>E.164 phone numbers: <c>+</c>, a country code that does not start with 0, at most 15 digits in all.</summary>
internal static class PhoneNumbers
{
    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var text = input.Trim();
        if (!text.StartsWith('+'))
        {
            return false;
        }

        // Separators people type between digit groups are dropped: spaces, hyphens, dots, parentheses.
        Span<char> digits = stackalloc char[16];
        var count = 0;
        foreach (var c in text.AsSpan(1))
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == 15)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        if (count < 7 || digits[0] == '0')
        {
            return false;
        }

        e164 = "+" + new string(digits[..count]);
        return true;
    }
}
