using System.Security.Cryptography;
using System.Text;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// The version of a clause's text a stance is given on: SHA-256 of heading and body. A content hash,
/// not a counter: if the text comes back to what it was, markers given on it are current again. The clause of a
/// bilingual bill hashes its texts in both languages, so a stance covers both and goes stale when either changes.
/// </summary>
public static class ClauseTextHash
{
    /// <summary>Lower-case hex SHA-256 of the clause's heading and body.</summary>
    public static string Of(Clause clause)
    {
        if (clause.Translations.Count == 0) return Of(clause.Heading, clause.Body);
        var sb = new StringBuilder(clause.Heading).Append("\n\u001f\n").Append(clause.Body);
        foreach (var (language, text) in clause.Translations.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            sb.Append("\n\u001e\n").Append(language).Append("\n\u001f\n").Append(text.Heading).Append("\n\u001f\n").Append(text.Body);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Lower-case hex SHA-256 of a heading and a body.</summary>
    public static string Of(string heading, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(heading + "\n\u001f\n" + body)));
}
