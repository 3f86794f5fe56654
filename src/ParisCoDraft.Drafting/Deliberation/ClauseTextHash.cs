using System.Security.Cryptography;
using System.Text;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Deliberation;

/// <summary>
/// The version of a clause's text a stance is given on: SHA-256 of heading and body. A content hash,
/// not a counter: if the text comes back to what it was, markers given on it are current again.
/// </summary>
public static class ClauseTextHash
{
    /// <summary>Lower-case hex SHA-256 of the clause's heading and body.</summary>
    public static string Of(Clause clause) => Of(clause.Heading, clause.Body);

    /// <summary>Lower-case hex SHA-256 of a heading and a body.</summary>
    public static string Of(string heading, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(heading + "\n\u001f\n" + body)));
}
