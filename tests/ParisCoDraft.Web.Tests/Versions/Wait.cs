namespace ParisCoDraft.Web.Tests.Versions;

/// <summary>Polls a condition, failing after a bound.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var end = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!condition())
        {
            if (DateTime.UtcNow > end) Assert.Fail("The condition did not hold in time.");
            await Task.Delay(50);
        }
    }
}
