using System.Globalization;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.FollowUp;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Versions;
using static ParisCoDraft.Web.Versions.VersionAccess;

namespace ParisCoDraft.Web.FollowUp;

/// <summary>The one-year review: commitments per clause, kept by clerks and facilitators, read by everyone.</summary>
public static class FollowUpEndpoints
{
    private const int MaxField = 2000;

    /// <summary>Maps /api/bills/{billId}/follow-up/**.</summary>
    public static IEndpointRouteBuilder MapFollowUpApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bills/{billId}/follow-up");
        api.MapGet("", GetAsync);
        api.MapPut("/adoption", SetAdoptionAsync);
        api.MapPost("/commitments", (HttpContext http, string billId, CommitmentRequest? body, TimeProvider clock, VersionDocuments docs, CancellationToken ct) =>
            SaveAsync(http, billId, null, body, clock, docs, ct));
        api.MapPut("/commitments/{commitmentId}", (HttpContext http, string billId, string commitmentId, CommitmentRequest? body, TimeProvider clock, VersionDocuments docs, CancellationToken ct) =>
            SaveAsync(http, billId, commitmentId, body, clock, docs, ct));
        api.MapDelete("/commitments/{commitmentId}", DeleteAsync);
        return app;
    }

    private static async Task<IResult> GetAsync(HttpContext http, string billId, TimeProvider clock, VersionDocuments docs, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Read, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var store = Store(http);
        var adopted = await store.GetAdoptionDateAsync(billId, ct).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var text = BillDocument.Read(await docs.CopyAsync(billId, ct).ConfigureAwait(false));
        var articles = text.Clauses.Concat(text.Withdrawn).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var commitments = await store.ListCommitmentsAsync(billId, ct).ConfigureAwait(false);
        return Results.Json(new FollowUpView(adopted, Iso(FollowUpDates.DefaultDue(ParseDate(adopted), today)), CommitmentStatuses.All,
            [.. commitments.Select(c => new CommitmentView(c.Id, c.ClauseId,
                articles.TryGetValue(c.ClauseId, out var a) ? a.Number : 0, a?.Heading ?? "", c.Department, c.Action, c.DueDate, c.Status,
                ParseDate(c.DueDate) is { } due && FollowUpDates.IsOverdue(due, c.Status, today), c.Updated))]));
    }

    private static async Task<IResult> SetAdoptionAsync(HttpContext http, string billId, AdoptionRequest? body, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Clerk, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var date = body?.Date is { Length: > 0 } d ? ParseDate(d) : null;
        if (body?.Date is { Length: > 0 } && date is null) return ApiError.BadRequest("invalid-date", "The date is a day, written yyyy-MM-dd.");
        await Store(http).SetAdoptionDateAsync(billId, date is { } x ? Iso(x) : null, ct).ConfigureAwait(false);
        return Results.NoContent();
    }

    private static async Task<IResult> SaveAsync(
        HttpContext http, string billId, string? commitmentId, CommitmentRequest? body, TimeProvider clock, VersionDocuments docs, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Clerk, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var store = Store(http);
        if (commitmentId is not null && (await store.ListCommitmentsAsync(billId, ct).ConfigureAwait(false)).All(c => c.Id != commitmentId))
        {
            return ApiError.NotFound("unknown-commitment", "This bill has no such commitment.");
        }
        var text = BillDocument.Read(await docs.CopyAsync(billId, ct).ConfigureAwait(false));
        if (body?.ClauseId is not { } clauseId || text.Clauses.All(c => c.Id != clauseId))
        {
            return ApiError.BadRequest("invalid-clause", "A commitment is about one article of the bill.");
        }
        var department = InputRules.Line(body.Department, 200);
        if (department is null) return ApiError.BadRequest("invalid-department", "Name the department responsible (1 to 200 characters).");
        var action = InputRules.Text(body.Action, MaxField, out var ok)?.Trim();
        if (!ok || string.IsNullOrEmpty(action)) return ApiError.BadRequest("invalid-action", $"Say what will be done (1 to {MaxField} characters).");
        var status = body.Status ?? "planned";
        if (!CommitmentStatuses.IsKnown(status)) return ApiError.BadRequest("invalid-status", "Unknown status: " + string.Join(", ", CommitmentStatuses.All));
        DateOnly due;
        if (body.DueDate is { Length: > 0 } dueText)
        {
            if (ParseDate(dueText) is not { } parsed) return ApiError.BadRequest("invalid-date", "The due date is a day, written yyyy-MM-dd.");
            due = parsed;
        }
        else
        {
            var adopted = ParseDate(await store.GetAdoptionDateAsync(billId, ct).ConfigureAwait(false));
            due = FollowUpDates.DefaultDue(adopted, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        }
        var commitment = new StoredCommitment(commitmentId ?? Tokens.NewId('k'), billId, clauseId, department, action, Iso(due), status,
            clock.GetUtcNow(), access.Member!.ParticipantId);
        await store.SaveCommitmentAsync(commitment, ct).ConfigureAwait(false);
        var article = text.Clauses.First(c => c.Id == clauseId);
        var view = new CommitmentView(commitment.Id, clauseId, article.Number, article.Heading, department, action, commitment.DueDate, status,
            FollowUpDates.IsOverdue(due, status, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)), commitment.Updated);
        return Results.Json(view, statusCode: commitmentId is null ? 201 : 200);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string billId, string commitmentId, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Clerk, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        return await Store(http).DeleteCommitmentAsync(billId, commitmentId, ct).ConfigureAwait(false)
            ? Results.NoContent()
            : ApiError.NotFound("unknown-commitment", "This bill has no such commitment.");
    }

    private static DateOnly? ParseDate(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
