using System.Globalization;
using ParisCoDraft.Drafting.Workshops;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Auth;
using static ParisCoDraft.Web.Versions.VersionAccess;

namespace ParisCoDraft.Web.Versions;

/// <summary>Workshops: plan, open (a version of the text it starts from), close (a version of what it produced).</summary>
public static class WorkshopEndpoints
{
    private const int MaxName = 200;

    /// <summary>Maps /api/bills/{billId}/workshops/**.</summary>
    public static IEndpointRouteBuilder MapWorkshopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bills/{billId}/workshops");
        api.MapGet("", ListAsync);
        api.MapPost("", CreateAsync);
        api.MapPost("/{workshopId}/open", (HttpContext http, string billId, string workshopId, WorkshopMoveRequest? body,
            VersionDocuments docs, TimeProvider clock, ILogger<VersionDocuments> logger, CancellationToken ct) =>
            MoveAsync(http, billId, workshopId, body, open: true, docs, clock, logger, ct));
        api.MapPost("/{workshopId}/close", (HttpContext http, string billId, string workshopId, WorkshopMoveRequest? body,
            VersionDocuments docs, TimeProvider clock, ILogger<VersionDocuments> logger, CancellationToken ct) =>
            MoveAsync(http, billId, workshopId, body, open: false, docs, clock, logger, ct));
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, string billId, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Read, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var store = Store(http);
        var versions = await store.ListVersionsAsync(billId, ct).ConfigureAwait(false);
        var workshops = await store.ListWorkshopsAsync(billId, ct).ConfigureAwait(false);
        return Results.Json(workshops.Select(w => VersionViews.Workshop(w, versions)).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string billId, CreateWorkshopRequest? body, TimeProvider clock, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Facilitate, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var name = InputRules.Line(body?.Name, MaxName);
        if (name is null) return ApiError.BadRequest("invalid-name", $"A workshop needs a name of 1 to {MaxName} characters.");
        if (!DateOnly.TryParseExact(body?.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ApiError.BadRequest("invalid-date", "The date is a day, written yyyy-MM-dd.");
        }
        var place = InputRules.Line(body?.Place, MaxName) ?? "";
        if (!WorkshopModes.TryParse(body?.Mode ?? "in-person", out var mode))
        {
            return ApiError.BadRequest("invalid-mode", "The mode is in-person, online or hybrid.");
        }
        var workshop = new StoredWorkshop(Tokens.NewId('w'), billId, name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            place, mode.ToWire(), "planned", clock.GetUtcNow(), null, null);
        await Store(http).CreateWorkshopAsync(workshop, ct).ConfigureAwait(false);
        return Results.Json(VersionViews.Workshop(workshop, []), statusCode: 201);
    }

    private static async Task<IResult> MoveAsync(
        HttpContext http, string billId, string workshopId, WorkshopMoveRequest? body, bool open,
        VersionDocuments docs, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Facilitate, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var store = Store(http);
        var workshop = (await store.ListWorkshopsAsync(billId, ct).ConfigureAwait(false)).FirstOrDefault(w => w.Id == workshopId);
        if (workshop is null) return ApiError.NotFound("unknown-workshop", "This bill has no such workshop.");
        var label = InputRules.Line(body?.Label, MaxName)
                    ?? (open ? $"Ouverture — {workshop.Name}" : $"Clôture — {workshop.Name}");
        var (snapshot, sha) = await docs.TakeAsync(billId, ct).ConfigureAwait(false);
        var member = access.Member!;
        var version = new StoredVersion(Tokens.NewId('v'), billId, 0, label,
            open ? VersionKinds.WorkshopOpen : VersionKinds.WorkshopClose, workshopId, clock.GetUtcNow(), member.ParticipantId, sha, snapshot);
        var stored = await store.MoveWorkshopAsync(billId, workshopId, open ? "planned" : "open", open ? "open" : "closed",
            version.Taken, version, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return Results.Json(new ApiError("workshop-state", open
                ? "Only a planned workshop can open, and only while no other workshop of the bill is open."
                : "Only an open workshop can close."), statusCode: 409);
        }
        VersionsLog.VersionTaken(logger, stored.Number, stored.Kind, billId, member.ParticipantId, sha);
        var versions = await store.ListVersionsAsync(billId, ct).ConfigureAwait(false);
        var names = await NamesAsync(http, billId, ct).ConfigureAwait(false);
        var moved = (await store.ListWorkshopsAsync(billId, ct).ConfigureAwait(false)).First(w => w.Id == workshopId);
        return Results.Json(new WorkshopMoveResponse(VersionViews.Workshop(moved, versions), VersionViews.Version(stored, versions, names)));
    }

    internal static async Task<IReadOnlyDictionary<string, string>> NamesAsync(HttpContext http, string billId, CancellationToken ct)
    {
        var participants = await http.RequestServices.GetRequiredService<IDraftingStore>().ListParticipantsAsync(billId, ct).ConfigureAwait(false);
        return participants.ToDictionary(p => p.Id, p => p.DisplayName, StringComparer.Ordinal);
    }
}
