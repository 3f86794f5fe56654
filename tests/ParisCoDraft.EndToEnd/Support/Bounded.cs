namespace ParisCoDraft.EndToEnd.Support;

/// <summary>Every await in these tests has a deadline: a hung browser or server fails the test, never the run.</summary>
public static class Bounded
{
    /// <summary>The default deadline for one step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(20);

    /// <summary>Awaits the task for at most <paramref name="limit"/> (default <see cref="Step"/>).</summary>
    public static Task Within(this Task task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Step);

    /// <summary>Awaits the task for at most <paramref name="limit"/> (default <see cref="Step"/>).</summary>
    public static Task<T> Within<T>(this Task<T> task, TimeSpan? limit = null) => task.WaitAsync(limit ?? Step);

    /// <summary>Polls until the condition holds, or fails with the last value seen.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? Step);
        T last = default!;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe().Within().ConfigureAwait(false);
            if (done(last)) return last;
            await Task.Delay(100).ConfigureAwait(false);
        }
        throw new TimeoutException($"{what} did not happen in time; last value: {last}");
    }
}
