using System.Globalization;

namespace ParisCoDraft.Drafting.Diffs;

/// <summary>
/// Cuts text into the tokens a diff compares: words (letters, digits and combining marks), each
/// punctuation or symbol character on its own (so a removed comma is a change of its own), runs of spaces,
/// and each line break on its own (so side-by-side rows can be cut at paragraph breaks).
/// </summary>
public static class DiffTokenizer
{
    /// <summary>The tokens of <paramref name="text"/>; concatenated, they give the text back.</summary>
    public static string[] Tokenize(string text)
    {
        var tokens = new List<string>(text.Length / 3 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            if (IsWordChar(text, i))
            {
                while (i < text.Length && IsWordChar(text, i)) i++;
            }
            else if (c == '\n')
            {
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && text[i] != '\n' && char.IsWhiteSpace(text[i])) i++;
            }
            else
            {
                // One punctuation or symbol character (a surrogate pair counts as one).
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }
            tokens.Add(text[start..i]);
        }
        return [.. tokens];
    }

    /// <summary>Whether a token is a word (counted in word totals).</summary>
    public static bool IsWord(string token) => token.Length > 0 && IsWordChar(token, 0);

    private static bool IsWordChar(string s, int i)
    {
        var cat = char.GetUnicodeCategory(s, i);
        return char.IsLetterOrDigit(s, i)
            || cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || (char.IsLowSurrogate(s[i]) && i > 0 && char.IsLetterOrDigit(s, i - 1));
    }
}
