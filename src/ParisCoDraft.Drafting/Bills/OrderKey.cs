using System.Diagnostics;
using System.Text;

namespace ParisCoDraft.Drafting.Bills;

/// <summary>
/// Fractional order keys for clauses (docs/document-model.md): non-empty strings over the ASCII-ordered
/// alphabet 0-9A-Za-z that never end in '0', compared ordinally. <see cref="Between"/> gives a key
/// strictly between two others, so a clause can be placed anywhere without renumbering the rest.
/// </summary>
public static class OrderKey
{
    private const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>A key strictly between <paramref name="before"/> and <paramref name="after"/> (either may be null for an end).</summary>
    public static string Between(string? before, string? after)
    {
        if (before is not null) Validate(before);
        if (after is not null) Validate(after);
        if (before is not null && after is not null && string.CompareOrdinal(before, after) >= 0)
        {
            throw new ArgumentException($"Order keys out of order: '{before}' is not before '{after}'.");
        }
        var key = Midpoint(before ?? "", after);
        Debug.Assert(IsValid(key));
        return key;
    }

    /// <summary>Whether <paramref name="key"/> is a well-formed order key.</summary>
    public static bool IsValid(string key)
    {
        if (key.Length == 0 || key[^1] == '0') return false;
        foreach (var c in key)
        {
            if (Digits.IndexOf(c, StringComparison.Ordinal) < 0) return false;
        }
        return true;
    }

    private static void Validate(string key)
    {
        if (!IsValid(key)) throw new ArgumentException($"'{key}' is not an order key.");
    }

    // a < b (b null = +infinity); a may be "" (= 0). Returns m with a < m < b, not ending in '0'.
    private static string Midpoint(string a, string? b)
    {
        var prefix = new StringBuilder();
        while (true)
        {
            if (b is not null)
            {
                // Skip the common prefix (a padded with '0').
                var n = 0;
                while (n < b.Length && (n < a.Length ? a[n] : '0') == b[n]) n++;
                if (n > 0)
                {
                    prefix.Append(b, 0, n);
                    a = n < a.Length ? a[n..] : "";
                    b = b[n..];
                    continue;
                }
            }
            var da = a.Length > 0 ? Digits.IndexOf(a[0], StringComparison.Ordinal) : 0;
            var db = b is not null ? Digits.IndexOf(b[0], StringComparison.Ordinal) : Digits.Length;
            if (db - da > 1)
            {
                // Appending (no upper bound) steps by one digit instead of halving, so a bill that grows
                // clause after clause keeps short keys.
                var digit = b is null && prefix.Length + a.Length > 0 ? da + 1 : (da + db + 1) / 2;
                return prefix.Append(Digits[digit]).ToString();
            }
            if (b is not null && b.Length > 1)
            {
                return prefix.Append(b[0]).ToString();
            }
            prefix.Append(Digits[da]);
            a = a.Length > 0 ? a[1..] : "";
            b = null;
        }
    }
}
