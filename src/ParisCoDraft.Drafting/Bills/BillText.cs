using System.Security.Cryptography;
using System.Text;

namespace ParisCoDraft.Drafting.Bills;

/// <summary>The whole text of a bill at a moment: what people read, vote on and export.</summary>
/// <param name="Title">The title.</param>
/// <param name="Preamble">The preamble, Markdown.</param>
/// <param name="Clauses">Active clauses in article order.</param>
/// <param name="Withdrawn">Withdrawn clauses, by order key.</param>
public sealed record BillText(string Title, string Preamble, IReadOnlyList<Clause> Clauses, IReadOnlyList<Clause> Withdrawn)
{
    /// <summary>
    /// The canonical plain text of the bill (title, preamble, numbered articles), the one whose SHA-256
    /// identifies the exact text voted on or exported.
    /// </summary>
    public string ToCanonicalText()
    {
        var sb = new StringBuilder();
        sb.Append(Title.Trim()).Append("\n\n");
        if (Preamble.Trim().Length > 0) sb.Append(Preamble.Trim()).Append("\n\n");
        foreach (var c in Clauses)
        {
            sb.Append("Article ").Append(c.Number);
            if (c.Heading.Trim().Length > 0) sb.Append(" — ").Append(c.Heading.Trim());
            sb.Append("\n\n").Append(c.Body.Trim()).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalText"/> in UTF-8.</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalText())));
}
