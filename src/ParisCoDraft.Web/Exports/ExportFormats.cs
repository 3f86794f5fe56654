namespace ParisCoDraft.Web.Exports;

/// <summary>The export formats: query name, content type and file extension.</summary>
internal static class ExportFormats
{
    public static (string ContentType, string Extension)? Of(string? format) => format switch
    {
        "md" or "markdown" => ("text/markdown; charset=utf-8", "md"),
        "html" => ("text/html; charset=utf-8", "html"),
        "docx" => ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        "akn" or "akomantoso" or "xml" => ("application/akn+xml", "akn.xml"),
        _ => null,
    };
}
