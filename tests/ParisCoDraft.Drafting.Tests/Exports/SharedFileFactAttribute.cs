namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>
/// A fact that needs a file of the shared folder (../shared beside the repository): when the file is
/// absent the test is reported as skipped, with the reason, instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedFileFactAttribute : FactAttribute
{
    public SharedFileFactAttribute(string relativePath)
    {
        if (Builders.SharedFile(relativePath) is null)
        {
            Skip = $"../shared/{relativePath} is absent (expected next to the repository root)";
        }
    }
}
