using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Ideas;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Versions;
using static ParisCoDraft.Web.Versions.VersionAccess;

namespace ParisCoDraft.Web.Ideas;

/// <summary>The assembly's ideas: import, link to clauses, dispositions, traceability against the current text.</summary>
public static class IdeaEndpoints
{
    private const int MaxImport = 1_000_000;

    /// <summary>Maps /api/bills/{billId}/ideas/**.</summary>
    public static IEndpointRouteBuilder MapIdeaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bills/{billId}/ideas");
        api.MapGet("", ListAsync);
        api.MapPost("/import", ImportAsync);
        api.MapPut("/{number:int}/disposition", SetDispositionAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, string billId, VersionDocuments docs, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Read, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var ideas = await Store(http).ListIdeasAsync(billId, ct).ConfigureAwait(false);
        var text = BillDocument.Read(await docs.CopyAsync(billId, ct).ConfigureAwait(false));
        var matrix = IdeaBook.Matrix(text, ideas);
        var unplaced = matrix.Unplaced.ToDictionary(u => u.Idea.Number, u => VersionViews.Wire(u.Reason.ToString()));
        var views = matrix.Rows.Select(r => new IdeaView(
            r.Idea.Number, r.Idea.Title, r.Idea.Text, r.Idea.SourceGroup is { } g ? GroupWire.Of(g) : null,
            IdeaBook.View(r.Disposition), r.ClauseIds, r.Placed, unplaced.GetValueOrDefault(r.Idea.Number))).ToList();
        return Results.Json(new IdeasView(
            [.. text.Clauses.Select(c => new ArticleView(c.Id, c.Number, c.Heading))], views, views.Count(v => v.Placed), views.Count));
    }

    private static async Task<IResult> ImportAsync(HttpContext http, string billId, ImportIdeasRequest? body, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Facilitate, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        if (body?.Content is not { Length: > 0 and <= MaxImport } content)
        {
            return ApiError.BadRequest("invalid-content", $"Paste or upload the list (at most {MaxImport} characters).");
        }
        IReadOnlyList<Idea> ideas;
        try
        {
            ideas = body.Format switch
            {
                "csv" => IdeaCsvReader.Read(content),
                "markdown" or "md" => IdeaMarkdownReader.Read(content),
                _ => throw new IdeaImportException(1, "the format is csv or markdown"),
            };
        }
        catch (IdeaImportException e)
        {
            return Results.Json(new { error = "invalid-ideas", message = e.Message, line = e.Line }, statusCode: 400);
        }
        var store = Store(http);
        await store.ImportIdeasAsync(billId, [.. ideas.Select(i => new StoredIdea(billId, i.Number, i.Title, i.Text,
            i.SourceGroup is { } g ? GroupWire.Of(g) : null, null, null, null))], ct).ConfigureAwait(false);
        var total = (await store.ListIdeasAsync(billId, ct).ConfigureAwait(false)).Count;
        return Results.Json(new ImportIdeasResponse(ideas.Count, total));
    }

    private static async Task<IResult> SetDispositionAsync(
        HttpContext http, string billId, int number, DispositionView? body, TimeProvider clock, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Facilitate, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        string? json = null;
        if (body?.Kind is not null)
        {
            try
            {
                json = DispositionJson.Write(DispositionJson.From(body.Kind, body.ClauseIds, body.IdeaNumbers, body.Note, body.Reason));
            }
            catch (ArgumentException e)
            {
                return ApiError.BadRequest("invalid-disposition", e.Message);
            }
        }
        var ok = await Store(http).SetIdeaDispositionAsync(billId, number, json, clock.GetUtcNow(), access.Member!.ParticipantId, ct).ConfigureAwait(false);
        return ok ? Results.NoContent() : ApiError.NotFound("unknown-idea", "This bill has no idea with that number.");
    }
}
