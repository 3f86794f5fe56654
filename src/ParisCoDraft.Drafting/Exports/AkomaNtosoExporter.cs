using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Exports;

/// <summary>
/// Exports a bill as Akoma Ntoso 3.0 (OASIS LegalDocML) XML: <c>akomaNtoso/bill</c> with FRBR
/// identification, preface (docTitle, version and SHA-256), preamble, a body of <c>article</c> elements
/// whose eId is "art_" + the clause id and whose content keeps the body's Markdown structure
/// (<see cref="AknMarkdownWriter"/>), and the annex as a <c>doc</c> attachment of tables. The export's language
/// shows in <c>xml:lang</c>, <c>FRBRlanguage</c> and the expression URI ("…/fra@…", "…/eng@…").
/// A bilingual bill becomes a <c>documentCollection</c> (one expression per document, as FRBR wants it): its own meta
/// lists both languages and carries the hash of both texts, and its <c>collectionBody</c> holds one <c>component</c>
/// per language, each a whole <c>bill</c> with its own FRBRExpression and FRBRlanguage; articles keep the clause id
/// in their eId ("cmp_2__art_c…"), so the two texts align by clause. The annex is the collection's, once.
/// </summary>
public static class AkomaNtosoExporter
{
    /// <summary>The Akoma Ntoso 3.0 namespace.</summary>
    public static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <summary>The namespace of ParisCoDraft's proprietary metadata (version label, SHA-256).</summary>
    public static readonly XNamespace Pcd = "urn:pariscodraft:export:1";

    /// <summary>The XML document of <paramref name="bill"/>.</summary>
    public static XDocument Export(BillText bill, ExportOptions options)
    {
        var labels = options.Labels;
        var sha = bill.Sha256();
        var date = options.Timestamp.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var work = $"/akn/fr/bill/{date}/pariscodraft-{sha[..12]}";
        if (bill.IsBilingual) return Document(Collection(bill, options, work, date, sha));

        var billElement = Bill(bill, options, work, date, sha, labels.Code, labels.Iso6392, "", main: true);
        var attachments = Attachments(bill, options, work, date, sha);
        if (attachments is not null) billElement.Add(attachments);
        return Document(billElement);
    }

    private static XDocument Document(XElement root) =>
        new(new XDeclaration("1.0", "utf-8", null), new XElement(Akn + "akomaNtoso", root));

    private static XElement Bill(BillText bill, ExportOptions options, string work, string date, string sha, string code, string iso6392, string prefix, bool main)
    {
        var billElement = new XElement(Akn + "bill",
            new XAttribute("name", "deliberation"),
            new XAttribute(XNamespace.Xml + "lang", code),
            Meta(work, date, options.VersionLabel, sha, [iso6392], main),
            new XElement(Akn + "preface",
                new XElement(Akn + "p", new XAttribute("class", "title"), new XElement(Akn + "docTitle", Clean(ExportText.OneLine(bill.Title)))),
                new XElement(Akn + "p", new XAttribute("class", "version"), Clean(ExportText.VersionLine(bill, options)))));
        if (bill.Preamble.Trim().Length > 0)
        {
            billElement.Add(new XElement(Akn + "preamble", AknMarkdownWriter.Blocks(bill.Preamble, prefix + "preamble")));
        }
        // The schema's body holds at least one hierarchical element: a bill created with no article yet gets a
        // generic hcontainer saying so, never an invented article (its numbering would claim one exists).
        billElement.Add(new XElement(Akn + "body", bill.Clauses.Count > 0
            ? bill.Clauses.Select(c => Article(c, options.Labels, prefix))
            : [new XElement(Akn + "hcontainer", new XAttribute("eId", prefix + "hcontainer_1"), new XAttribute("name", "noArticles"),
                new XElement(Akn + "content", new XElement(Akn + "p", options.Labels.NoArticles)))]));
        return billElement;
    }

    private static XElement? Attachments(BillText bill, ExportOptions options, string work, string date, string sha)
    {
        var labels = options.Labels;
        var tables = ExportText.Tables(bill, options.Annex, labels);
        if (tables.Count == 0) return null;
        return new XElement(Akn + "attachments",
            new XElement(Akn + "attachment", new XAttribute("eId", "att_1"),
                new XElement(Akn + "doc", new XAttribute("name", labels.AnnexName), new XAttribute(XNamespace.Xml + "lang", labels.Code),
                    Meta(work + "/!" + labels.AnnexName, date, options.VersionLabel, sha, [labels.Iso6392], main: false),
                    new XElement(Akn + "preface", new XElement(Akn + "p", new XElement(Akn + "docTitle", labels.Annex))),
                    new XElement(Akn + "mainBody", tables.Select(AnnexBlock)))));
    }

    private static XElement Collection(BillText bill, ExportOptions options, string work, string date, string sha)
    {
        var isos = bill.Languages.Select(l => BillLanguages.Supported[l]).ToList();
        var collection = new XElement(Akn + "documentCollection",
            new XAttribute("name", "bilingualBill"),
            new XAttribute(XNamespace.Xml + "lang", bill.Languages[0]),
            Meta(work, date, options.VersionLabel, sha, isos, main: true),
            new XElement(Akn + "preface",
                new XElement(Akn + "p", new XAttribute("class", "title"), new XElement(Akn + "docTitle", Clean(ExportText.OneLine(bill.Title)))),
                new XElement(Akn + "p", new XAttribute("class", "version"), Clean(ExportText.VersionLine(bill, options)))),
            new XElement(Akn + "collectionBody", bill.Languages.Select((language, i) =>
            {
                var eId = "cmp_" + (i + 1).ToString(CultureInfo.InvariantCulture);
                var text = bill.InLanguage(language);
                return new XElement(Akn + "component", new XAttribute("eId", eId),
                    Bill(text, options.ForLanguage(language, bill), work, date, sha, language, isos[i], eId + "__", main: false));
            })));
        var attachments = Attachments(bill, options, work, date, sha);
        if (attachments is not null) collection.Add(attachments);
        return collection;
    }

    /// <summary>The XML text of <paramref name="bill"/> (UTF-8 declaration, indented).</summary>
    public static string ExportXml(BillText bill, ExportOptions options)
    {
        var doc = Export(bill, options);
        using var writer = new Utf8StringWriter();
        doc.Save(writer);
        return writer.ToString();
    }

    // The references and proprietary blocks appear once, in the bill's own meta: eIds must be unique in the whole document.
    private static XElement Meta(string work, string date, string versionLabel, string sha, IReadOnlyList<string> iso6392, bool main)
    {
        // A collection in two languages names its expression "mul" (ISO 639-2 for several languages) and lists both.
        var expression = work + "/" + (iso6392.Count == 1 ? iso6392[0] : "mul") + "@" + date;
        return new XElement(Akn + "meta",
            new XElement(Akn + "identification", new XAttribute("source", "#pariscodraft"),
                new XElement(Akn + "FRBRWork",
                    Value("FRBRthis", work + "/main"),
                    Value("FRBRuri", work),
                    new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "version")),
                    new XElement(Akn + "FRBRauthor", new XAttribute("href", "#assemblee")),
                    Value("FRBRcountry", "fr")),
                new XElement(Akn + "FRBRExpression",
                    Value("FRBRthis", expression + "/main"),
                    Value("FRBRuri", expression),
                    new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "version")),
                    new XElement(Akn + "FRBRauthor", new XAttribute("href", "#assemblee")),
                    Value("FRBRversionNumber", Clean(ExportText.OneLine(versionLabel))),
                    iso6392.Select(l => new XElement(Akn + "FRBRlanguage", new XAttribute("language", l)))),
                new XElement(Akn + "FRBRManifestation",
                    Value("FRBRthis", expression + "/main.xml"),
                    Value("FRBRuri", expression + ".akn"),
                    new XElement(Akn + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "export")),
                    new XElement(Akn + "FRBRauthor", new XAttribute("href", "#pariscodraft")))),
            main ? References(versionLabel, sha) : null);
    }

    private static IEnumerable<XElement> References(string versionLabel, string sha) =>
        [
            new XElement(Akn + "references", new XAttribute("source", "#pariscodraft"),
                new XElement(Akn + "TLCOrganization", new XAttribute("eId", "assemblee"),
                    new XAttribute("href", "/ontology/organization/fr/assembleeCitoyenneParis"), new XAttribute("showAs", "Assemblée citoyenne de Paris")),
                new XElement(Akn + "TLCOrganization", new XAttribute("eId", "pariscodraft"),
                    new XAttribute("href", "/ontology/organization/pariscodraft"), new XAttribute("showAs", "ParisCoDraft"))),
            new XElement(Akn + "proprietary", new XAttribute("source", "#pariscodraft"),
                new XElement(Pcd + "export",
                    new XAttribute(XNamespace.Xmlns + "pcd", Pcd),
                    new XAttribute("version", Clean(versionLabel)),
                    new XAttribute("sha256", sha))),
        ];

    private static XElement Value(string name, string value) => new(Akn + name, new XAttribute("value", value));

    private static XElement Article(Clause c, ExportLabels labels, string prefix)
    {
        var eId = prefix + "art_" + c.Id;
        var article = new XElement(Akn + "article", new XAttribute("eId", eId),
            new XElement(Akn + "num", ExportText.ArticleLabel(c, labels)));
        var heading = ExportText.OneLine(c.Heading);
        if (heading.Length > 0) article.Add(new XElement(Akn + "heading", Clean(heading)));
        var blocks = AknMarkdownWriter.Blocks(c.Body, eId);
        article.Add(new XElement(Akn + "content", blocks.Count > 0 ? blocks : [new XElement(Akn + "p")]));
        return article;
    }

    private static XElement AnnexBlock(AnnexTable t, int index) =>
        new(Akn + "tblock", new XAttribute("eId", $"att_1__tblock_{index + 1}"),
            new XElement(Akn + "heading", t.Title),
            new XElement(Akn + "table", new XAttribute("eId", $"att_1__tblock_{index + 1}__table_1"), new XAttribute("class", t.Key),
                new XElement(Akn + "tr", t.Headers.Select(h => new XElement(Akn + "th", new XElement(Akn + "p", h)))),
                t.Rows.Select(r => new XElement(Akn + "tr", r.Select(cell => new XElement(Akn + "td", new XElement(Akn + "p", Clean(ExportText.OneLine(cell)))))))));

    private static string Clean(string s) => ExportText.XmlSafe(s);

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
