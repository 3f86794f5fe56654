namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>The system clock, set forward or back by the test as an operator or NTP would; timers stay real.</summary>
public sealed class JumpingClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>Sets the clock forward (positive) or back (negative) by <paramref name="by"/>.</summary>
    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
