using System.Security.Cryptography;

namespace ParisCoDraft.Drafting.Bills;

/// <summary>Stable clause ids: 'c' and 10 random characters from 0-9a-z (docs/document-model.md).</summary>
public static class ClauseId
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>A new random clause id.</summary>
    public static string New() => "c" + RandomNumberGenerator.GetString(Alphabet, 10);

    /// <summary>Whether <paramref name="id"/> has the shape of a clause id.</summary>
    public static bool IsValid(string id) =>
        id.Length == 11 && id[0] == 'c' && id.AsSpan(1).IndexOfAnyExcept(Alphabet) < 0;
}
