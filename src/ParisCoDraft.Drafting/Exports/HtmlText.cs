using System.Text;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// HTML-encodes text for element content and double- or single-quoted attributes: &amp;, &lt;, &gt;, " and '
/// become entities, everything else (accents included) stays readable.
/// </summary>
public static class HtmlText
{
    /// <summary>The encoded text.</summary>
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }
}
