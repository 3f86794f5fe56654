using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Ideas;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Versions;

namespace ParisCoDraft.Web.Ideas;

/// <summary>Stored ideas to Drafting's ideas and matrix.</summary>
internal static class IdeaBook
{
    public static Idea Idea(StoredIdea s) => new(s.Number, s.Title, s.Text, GroupWire.Parse(s.SourceGroup));

    public static IdeaDisposition? Disposition(StoredIdea s)
    {
        if (s.DispositionJson is null) return null;
        try
        {
            return DispositionJson.Read(s.DispositionJson);
        }
        catch (ArgumentException)
        {
            return null; // written by this code, so only a hand-edited row lands here: show it as undecided
        }
    }

    public static TraceabilityMatrix Matrix(BillText text, IReadOnlyList<StoredIdea> ideas)
    {
        var dispositions = new Dictionary<int, IdeaDisposition>();
        foreach (var s in ideas)
        {
            if (Disposition(s) is { } d) dispositions[s.Number] = d;
        }
        return TraceabilityMatrixBuilder.Build(text, ideas.Select(Idea), dispositions);
    }

    public static DispositionView? View(IdeaDisposition? d) => d switch
    {
        null => null,
        CarriedInClauses c => new DispositionView("carried", c.ClauseIds, null, null, null),
        MergedWith m => new DispositionView("merged", null, m.IdeaNumbers, null, null),
        AlreadyDoneByCity a => new DispositionView("already-done", null, null, a.Note, null),
        OutsideCityPowers o => new DispositionView("outside-powers", null, null, o.Note, null),
        SetAside s => new DispositionView("set-aside", null, null, null, s.Reason),
        _ => null,
    };
}
