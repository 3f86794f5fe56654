namespace ParisCoDraft.Web.Tests.Support;

/// <summary>Every await in these tests is bounded: a hang becomes a failure with a name.</summary>
public static class Within
{
    /// <summary>The default bound.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/> (default 15 s).</summary>
    public static Task<T> Bounded<T>(this Task<T> task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="timeout"/> (default 15 s).</summary>
    public static Task Bounded(this Task task, TimeSpan? timeout = null) => task.WaitAsync(timeout ?? Default);

    /// <summary>Polls <paramref name="condition"/> until true or the bound passes.</summary>
    public static async Task Until(Func<bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Default);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting until " + (what ?? "the condition held"));
            await Task.Delay(20);
        }
    }

    /// <summary>Polls an async <paramref name="condition"/> until true or the bound passes.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Default);
        while (!await condition().WaitAsync(timeout ?? Default))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting until " + (what ?? "the condition held"));
            await Task.Delay(20);
        }
    }
}
