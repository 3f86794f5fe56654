using System.Diagnostics;

namespace ParisCoDraft.Web.Security;

/// <summary>
/// One hub connection's token bucket: <c>burst</c> calls at once, <c>perSecond</c> more each second. Kept
/// on the connection (no timer): the tokens owed since the last call are added when the next one comes.
/// </summary>
public sealed class MessageBudget(int burst, int perSecond)
{
    private readonly Lock _gate = new();
    private readonly double _burst = Math.Max(1, burst);
    private readonly double _perTick = Math.Max(1, perSecond) / (double)Stopwatch.Frequency;
    private double _tokens = Math.Max(1, burst);
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Calls refused since the last <see cref="ForgiveRefusals"/>.</summary>
    public long Refused
    {
        get
        {
            lock (_gate) return _refused;
        }
    }

    private long _refused;

    /// <summary>Starts counting refusals afresh (the connection that made them was closed); the tokens stay spent.</summary>
    public void ForgiveRefusals()
    {
        lock (_gate) _refused = 0;
    }

    /// <summary>Takes one call's token; false (and one more refusal counted) when the budget is spent.</summary>
    public bool TryTake()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (now - _last) * _perTick);
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return true;
            }
            _refused++;
            return false;
        }
    }
}
