namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>Adds up, per typist, the keystrokes of one fault: acknowledged, found in the store, acknowledged but missing.</summary>
public sealed class FaultCount
{
    /// <summary>Keystrokes the server acknowledged.</summary>
    public long Acknowledged { get; private set; }

    /// <summary>Keystrokes the store holds.</summary>
    public long Stored { get; private set; }

    /// <summary>Acknowledged keystrokes the store does not hold.</summary>
    public long Lost { get; private set; }

    /// <summary>What was missing, for the failure message.</summary>
    public List<string> Missing { get; } = [];

    /// <summary>Counts the keystrokes typed from index <paramref name="from"/> on by <paramref name="typist"/>.</summary>
    public void Add(TypingClient typist, int from, StoredClocks store)
    {
        var typed = typist.Typed.Length;
        var acked = typist.Acknowledged.Where(k => k >= from).ToList();
        Acknowledged += acked.Count;
        for (var k = from; k < typed; k++) if (store.Holds(typist.ClientId, k)) Stored++;
        foreach (var k in acked)
        {
            if (store.Holds(typist.ClientId, k)) continue;
            Lost++;
            if (Missing.Count < 10) Missing.Add($"{typist.TextName} keystroke {k}");
        }
    }

    /// <summary>The figures row.</summary>
    public FaultFigures Figures(string fault, int runs, bool converged) => new(fault, runs, Acknowledged, Stored, Lost, converged);
}
