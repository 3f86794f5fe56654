namespace ParisCoDraft.Web.Hubs;

// The hybrid room: attendance, raised hands and the floor (DeliberationService.Room.cs); each answers with the
// session, which everyone of the bill also receives as the Session event.
public sealed partial class BillHub
{
    /// <summary>Says whether one is in the room ("room") or remote ("remote").</summary>
    public Task<Deliberation.SessionView> SetAttendance(string billId, string attendance) => Run(billId, (s, m) => s.SetAttendanceAsync(m, attendance));

    /// <summary>Raises (true) or lowers (false) one's own hand.</summary>
    public Task<Deliberation.SessionView> RaiseHand(string billId, bool raised) => Run(billId, (s, m) => s.RaiseHandAsync(m, raised));

    /// <summary>Gives the floor to a participant whose hand is raised (facilitator).</summary>
    public Task<Deliberation.SessionView> GiveFloor(string billId, string participantId) => Run(billId, (s, m) => s.GiveFloorAsync(m, participantId));

    /// <summary>Takes the floor back (facilitator).</summary>
    public Task<Deliberation.SessionView> ClearFloor(string billId) => Run(billId, (s, m) => s.ClearFloorAsync(m));
}
