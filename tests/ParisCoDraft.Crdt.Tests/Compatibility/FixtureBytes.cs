namespace ParisCoDraft.Crdt.Tests.Compatibility;

/// <summary>Byte comparison with both sides in base64 in the failure message.</summary>
internal static class FixtureBytes
{
    public static void AssertEqual(byte[] expected, byte[] actual, string what)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            Assert.Fail($"{what}\n expected (yjs): {Convert.ToBase64String(expected)}\n   actual (C#): {Convert.ToBase64String(actual)}");
        }
    }
}
