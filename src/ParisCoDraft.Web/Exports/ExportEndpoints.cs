using System.Text;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Exports;
using ParisCoDraft.Drafting.Workshops;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Versions;
using static ParisCoDraft.Web.Versions.VersionAccess;

namespace ParisCoDraft.Web.Exports;

/// <summary>
/// The clerk's export for the council: any version or the current text, four formats, optional annex, labels
/// and dates in French (default) or English (<c>lang=fr|en</c>). A bilingual bill's Markdown is one file per language:
/// <c>text=fr|en|…</c> picks it (by default the <c>lang</c> language when the bill is written in it, else its primary
/// language); the other formats carry both languages.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>Maps GET /api/bills/{billId}/export.</summary>
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bills/{billId}/export", ExportAsync);
        return app;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, string billId, string? format, string? version, bool? annex, string? lang, string? text,
        VersionDocuments docs, TimeProvider clock, ILogger<VersionDocuments> logger, CancellationToken ct)
    {
        var access = await CheckAsync(http, billId, Need.Clerk, ct).ConfigureAwait(false);
        if (access.Error is not null) return access.Error;
        if (ExportFormats.Of(format) is not { } kind)
        {
            return ApiError.BadRequest("invalid-format", "The format is md, html, docx or akn.");
        }
        if (!ExportLabels.TryParse(lang, out var language))
        {
            return ApiError.BadRequest("invalid-lang", "The export language (lang) is fr (the default) or en.");
        }
        var labels = ExportLabels.For(language);
        var store = http.RequestServices.GetRequiredService<IDraftingStore>();
        var versions = await Store(http).ListVersionsAsync(billId, ct).ConfigureAwait(false);
        var (known, chosen) = VersionEndpoints.Find(versions, string.IsNullOrEmpty(version) ? VersionEndpoints.Current : version);
        if (!known) return VersionEndpoints.UnknownVersion();

        var doc = await docs.CopyAsync(billId, ct).ConfigureAwait(false);
        var bill = chosen is null ? BillDocument.Read(doc) : BillVersions.Read(doc, chosen.Snapshot);
        string? textLanguage = null;
        if (bill.IsBilingual)
        {
            textLanguage = string.IsNullOrEmpty(text) ? (bill.Languages.Contains(labels.Code) ? labels.Code : bill.Languages[0]) : text;
            if (!bill.Languages.Contains(textLanguage))
            {
                return ApiError.BadRequest("invalid-text-language", $"This bill is written in {string.Join(" and ", bill.Languages)}: text is one of them.");
            }
        }
        var options = new ExportOptions(
            chosen is null ? labels.CurrentText : $"v{chosen.Number} — {chosen.Label}",
            chosen?.Taken ?? clock.GetUtcNow(),
            annex == true ? await ExportAnnexBuilder.BuildAsync(store, billId, bill, labels, ct).ConfigureAwait(false) : null,
            language) { TextLanguage = textLanguage };

        byte[] bytes = format switch
        {
            "md" or "markdown" => Encoding.UTF8.GetBytes(MarkdownExporter.Export(bill, options)),
            "html" => Encoding.UTF8.GetBytes(HtmlExporter.Export(bill, options)),
            "docx" => DocxExporter.Export(bill, options),
            _ => Encoding.UTF8.GetBytes(AkomaNtosoExporter.ExportXml(bill, options)),
        };
        var languagePart = textLanguage is not null && kind.Extension == "md" ? "-" + textLanguage : "";
        var name = $"pariscodraft-{billId}-{(chosen is null ? labels.CurrentFileName : "v" + chosen.Number)}{(annex == true ? "-" + labels.AnnexFileName : "")}{languagePart}.{kind.Extension}";
        VersionsLog.Exported(logger, billId, chosen?.Id ?? VersionEndpoints.Current, kind.Extension, bytes.Length, access.Member!.ParticipantId);
        http.Response.Headers["X-Content-Type-Options"] = "nosniff";
        http.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        http.Response.Headers["X-Bill-Text-Sha256"] = bill.Sha256();
        http.Response.Headers.ContentLanguage = !bill.IsBilingual ? labels.Code
            : kind.Extension == "md" ? textLanguage : string.Join(", ", bill.Languages);
        return Results.File(bytes, kind.ContentType, name);
    }
}
