using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;

namespace ParisCoDraft.Web.Deliberation;

// The hybrid room: each participant says whether they are in the room or remote; participants raise and lower
// their own hand; the facilitator gives the floor to a raised hand and takes it back. Part of the session view
// (event Session), written like every deliberation action (audit line, revision, across processes).
public sealed partial class DeliberationService
{
    /// <summary>The attendances a participant may declare.</summary>
    public static readonly IReadOnlyList<string> Attendances = ["room", "remote"];

    /// <summary>Says whether one is in the room or remote (anyone joined, observers included).</summary>
    public Task<SessionView> SetAttendanceAsync(Member member, string? attendance) =>
        ActAsync(member.BillId, async (b, room) =>
        {
            if (attendance is null || !Attendances.Contains(attendance)) throw Refuse(DeliberationErrors.InvalidInput, "Attendance is room or remote.");
            var seat = SeatOf(b, member);
            if (seat.Attendance == attendance) return SessionViewOf(b);
            await SaveSeatAsync(b, seat with { Attendance = attendance, Updated = Now() },
                Audit(member, "attendance.set", new { attendance, before = seat.Attendance })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Raises (true) or lowers (false) one's own hand; raising again keeps one's place in the queue.</summary>
    public Task<SessionView> RaiseHandAsync(Member member, bool raised) =>
        ActAsync(member.BillId, async (b, room) =>
        {
            Require(CanComment(member.Role), "Observers follow the session without taking the floor.");
            var seat = SeatOf(b, member);
            if ((seat.HandRaisedAt is not null) == raised) return SessionViewOf(b);
            var now = Now();
            await SaveSeatAsync(b, seat with { HandRaisedAt = raised ? now : null, Updated = now },
                Audit(member, raised ? "hand.raise" : "hand.lower", new { attendance = seat.Attendance })).ConfigureAwait(false);
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Gives the floor to a participant whose hand is raised (their hand leaves the queue); facilitators only.</summary>
    public Task<SessionView> GiveFloorAsync(Member facilitator, string? participantId) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            if (participantId is null || !b.Seats.TryGetValue(participantId, out var seat) || seat.HandRaisedAt is null)
            {
                throw Refuse(DeliberationErrors.HandNotRaised, "The floor goes to a participant whose hand is raised.");
            }
            var now = Now();
            await records.GiveFloorAsync(b.BillId, participantId, now,
                Audit(facilitator, "floor.give", new { participantId, name = seat.DisplayName, attendance = seat.Attendance }), CancellationToken.None).ConfigureAwait(false);
            foreach (var other in b.Seats.Values.Where(s => s.FloorAt is not null).ToList()) b.Seats[other.ParticipantId] = other with { FloorAt = null, Updated = now };
            b.Seats[participantId] = seat with { FloorAt = now, HandRaisedAt = null, Updated = now };
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    /// <summary>Takes the floor back (whoever has it); facilitators only.</summary>
    public Task<SessionView> ClearFloorAsync(Member facilitator) =>
        ActAsync(facilitator.BillId, async (b, room) =>
        {
            RequireFacilitator(facilitator);
            var holder = b.Seats.Values.FirstOrDefault(s => s.FloorAt is not null) ?? throw Refuse(DeliberationErrors.NoFloor, "Nobody has the floor.");
            var now = Now();
            await records.GiveFloorAsync(b.BillId, null, now,
                Audit(facilitator, "floor.clear", new { participantId = holder.ParticipantId, name = holder.DisplayName }), CancellationToken.None).ConfigureAwait(false);
            b.Seats[holder.ParticipantId] = holder with { FloorAt = null, Updated = now };
            return await PublishSessionAsync(b).ConfigureAwait(false);
        });

    private RoomSeatRecord SeatOf(BillDeliberation b, Member member) =>
        b.Seats.TryGetValue(member.ParticipantId, out var seat)
            ? seat with { DisplayName = member.Participant.DisplayName, Role = member.Role.ToWire() }
            : new RoomSeatRecord(b.BillId, member.ParticipantId, member.Participant.DisplayName, member.Role.ToWire(), null, null, null, Now());

    private async Task SaveSeatAsync(BillDeliberation b, RoomSeatRecord seat, AuditEntry audit)
    {
        await records.SaveRoomSeatAsync(seat, audit, CancellationToken.None).ConfigureAwait(false);
        b.Seats[seat.ParticipantId] = seat;
    }

    private static RoomView RoomViewOf(BillDeliberation b)
    {
        var seats = b.Seats.Values.OrderBy(s => s.DisplayName, StringComparer.CurrentCulture).ThenBy(s => s.ParticipantId, StringComparer.Ordinal)
            .Select(SeatViewOf).ToList();
        var hands = b.Seats.Values.Where(s => s.HandRaisedAt is not null).OrderBy(s => s.HandRaisedAt).ThenBy(s => s.ParticipantId, StringComparer.Ordinal)
            .Select(SeatViewOf).ToList();
        var floor = b.Seats.Values.FirstOrDefault(s => s.FloorAt is not null);
        return new RoomView(seats, hands, floor is null ? null : SeatViewOf(floor));
    }

    private static SeatView SeatViewOf(RoomSeatRecord s) =>
        new(s.ParticipantId, s.DisplayName, s.Role, Roles.TryParse(s.Role, out var r) ? Member.GroupWire(r) : null, s.Attendance, s.HandRaisedAt, s.FloorAt);
}
