using System.Security.Cryptography;

namespace ParisCoDraft.Web.Auth;

/// <summary>Random ids, secrets and their hashes.</summary>
public static class Tokens
{
    private const string IdAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A new id: <paramref name="prefix"/> then 16 characters from [0-9a-z] (about 82 bits).</summary>
    public static string NewId(char prefix) => prefix + RandomNumberGenerator.GetString(IdAlphabet, 16);

    /// <summary>A new secret: 32 random bytes, base64url without padding.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of a secret's text, as stored.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>True for strings shaped like an id or secret we issue: [0-9A-Za-z_-], 1 to 64 characters.</summary>
    public static bool IsWellFormed(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64) return false;
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        }
        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
