using System.Diagnostics;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using ParisCoDraft.Drafting.Workshops;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Auth;
using static ParisCoDraft.Web.Versions.VersionAccess;

namespace ParisCoDraft.Web.Versions;

/// <summary>Versions: list, take a named one, read one exactly as it was, compare two.</summary>
public static class VersionEndpoints
{
    /// <summary>The id that stands for the text as it is now.</summary>
    public const string Current = "current";

    /// <summary>Maps /api/bills/{billId}/versions/** and /api/bills/{billId}/diff.</summary>
    public static IEndpointRouteBuilder MapVersionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/bills/{billId}");
        api.MapGet("/versions", ListAsync);
        api.MapPost("/versions", TakeAsync);
        api.MapGet("/versions/{versionId}", ReadAsync);
        api.MapGet("/diff", DiffAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, string billId, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Read, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var versions = await Store(http).ListVersionsAsync(billId, ct).ConfigureAwait(false);
        var names = await WorkshopEndpoints.NamesAsync(http, billId, ct).ConfigureAwait(false);
        return Results.Json(versions.Select(v => VersionViews.Version(v, versions, names)).ToList());
    }

    private static async Task<IResult> TakeAsync(
        HttpContext http, string billId, TakeVersionRequest? body, VersionDocuments docs, TimeProvider clock,
        ILogger<VersionDocuments> logger, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Facilitate, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var label = InputRules.Line(body?.Label, 200);
        if (label is null) return ApiError.BadRequest("invalid-label", "A version needs a label of 1 to 200 characters.");
        var (snapshot, sha) = await docs.TakeAsync(billId, ct).ConfigureAwait(false);
        var member = access.Member!;
        var store = Store(http);
        var stored = await store.AddVersionAsync(new StoredVersion(Tokens.NewId('v'), billId, 0, label, VersionKinds.Named, null,
            clock.GetUtcNow(), member.ParticipantId, sha, snapshot), ct).ConfigureAwait(false);
        VersionsLog.VersionTaken(logger, stored.Number, stored.Kind, billId, member.ParticipantId, sha);
        var versions = await store.ListVersionsAsync(billId, ct).ConfigureAwait(false);
        var names = await WorkshopEndpoints.NamesAsync(http, billId, ct).ConfigureAwait(false);
        return Results.Json(VersionViews.Version(stored, versions, names), statusCode: 201);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, string billId, string versionId, string? lang, VersionDocuments docs, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Read, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var store = Store(http);
        var versions = await store.ListVersionsAsync(billId, ct).ConfigureAwait(false);
        var (known, version) = Find(versions, versionId);
        if (!known) return UnknownVersion();
        var doc = await docs.CopyAsync(billId, ct).ConfigureAwait(false);
        var text = version is null ? BillDocument.Read(doc) : BillVersions.Read(doc, version.Snapshot);
        if (!string.IsNullOrEmpty(lang) && !text.Languages.Contains(lang))
        {
            return ApiError.BadRequest("invalid-text-language", "lang names one of this bilingual bill's languages.");
        }
        var names = await WorkshopEndpoints.NamesAsync(http, billId, ct).ConfigureAwait(false);
        var view = VersionViews.Text(version is null ? null : VersionViews.Version(version, versions, names), string.IsNullOrEmpty(lang) ? text : text.InLanguage(lang));
        // One language of a bilingual version is shown; its hash stays the whole text's, the one versions and votes name.
        return Results.Json(view with { Sha256 = text.Sha256() });
    }

    private static async Task<IResult> DiffAsync(
        HttpContext http, string billId, string? from, string? to, string? lang, VersionDocuments docs, ILogger<VersionDocuments> logger, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Read, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        var store = Store(http);
        var versions = await store.ListVersionsAsync(billId, ct).ConfigureAwait(false);
        var refs = versions.Select(VersionViews.Ref).ToList();

        StoredVersion? older, newer;
        if (string.IsNullOrEmpty(from) && string.IsNullOrEmpty(to))
        {
            if (versions.Count == 0) return NoVersions();
            var pair = VersionPairing.Default(refs);
            (older, newer) = pair is { } p ? (ById(versions, p.Older.Id), ById(versions, p.Newer.Id)) : (versions[^1], null);
        }
        else
        {
            var (newerKnown, n) = Find(versions, string.IsNullOrEmpty(to) ? Current : to);
            if (!newerKnown) return UnknownVersion();
            newer = n;
            if (string.IsNullOrEmpty(from))
            {
                if (versions.Count == 0) return NoVersions();
                var baseRef = newer is null ? refs[^1] : VersionPairing.DefaultBase(refs, VersionViews.Ref(newer));
                if (baseRef is null) return Results.Json(new ApiError("no-earlier-version", "This is the first version: choose what to compare it with."), statusCode: 409);
                older = ById(versions, baseRef.Id);
            }
            else
            {
                var (olderKnown, o) = Find(versions, from);
                if (!olderKnown) return UnknownVersion();
                older = o;
            }
        }

        var doc = await docs.CopyAsync(billId, ct).ConfigureAwait(false);
        var records = await docs.AuthorshipAsync(billId, ct).ConfigureAwait(false);
        var writers = await docs.ClauseWritersAsync(billId, ct).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        if (!string.IsNullOrEmpty(lang) && !BillLanguages.Read(doc).Contains(lang))
        {
            return ApiError.BadRequest("invalid-text-language", "lang names one of this bilingual bill's languages.");
        }
        var diff = BillVersions.Compare(doc, older?.Snapshot, newer?.Snapshot, records, string.IsNullOrEmpty(lang) ? null : lang);
        diff = ClauseAuthorship.Attribute(diff, doc, older?.Snapshot, newer?.Snapshot, writers);
        var ms = watch.ElapsedMilliseconds;
        VersionsLog.Compared(logger, older?.Id ?? Current, newer?.Id ?? Current, billId, ms);
        var names = await WorkshopEndpoints.NamesAsync(http, billId, ct).ConfigureAwait(false);
        return Results.Json(VersionViews.Diff(
            older is null ? null : VersionViews.Version(older, versions, names),
            newer is null ? null : VersionViews.Version(newer, versions, names), diff, ms));
    }

    /// <summary>(true, null) for "current", (true, version) for a known id, (false, null) otherwise.</summary>
    internal static (bool Known, StoredVersion? Version) Find(IReadOnlyList<StoredVersion> versions, string? id)
    {
        if (id == Current) return (true, null);
        var v = versions.FirstOrDefault(x => x.Id == id);
        return (v is not null, v);
    }

    private static StoredVersion ById(IReadOnlyList<StoredVersion> versions, string id) => versions.First(v => v.Id == id);

    internal static IResult UnknownVersion() => ApiError.NotFound("unknown-version", "This bill has no such version.");

    private static IResult NoVersions() =>
        Results.Json(new ApiError("no-versions", "No version has been taken yet: close a workshop or name a version first."), statusCode: 409);
}
