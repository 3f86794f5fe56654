using ParisCoDraft.Crdt;

namespace ParisCoDraft.Drafting.Bills;

/// <summary>
/// Reads and changes a bill inside its Y.Doc, following docs/document-model.md. The browser does the
/// same in wwwroot/src/bill.ts; both sides must keep to that layout.
/// </summary>
public static class BillDocument
{
    /// <summary>Root Y.Text holding the title.</summary>
    public const string TitleRoot = "title";

    /// <summary>Root Y.Text holding the preamble.</summary>
    public const string PreambleRoot = "preamble";

    /// <summary>Root Y.Map of clause id to clause map.</summary>
    public const string ClausesRoot = "clauses";

    /// <summary>Writes the title, the preamble and the first clauses into an empty document, in one transaction.</summary>
    /// <returns>The ids of the created clauses, in order.</returns>
    public static IReadOnlyList<string> Initialize(Doc doc, string title, string? preamble, IEnumerable<ClauseDraft> clauses)
    {
        var ids = new List<string>();
        doc.Transact(_ =>
        {
            doc.GetText(TitleRoot).Insert(0, title);
            if (!string.IsNullOrEmpty(preamble)) doc.GetText(PreambleRoot).Insert(0, preamble);
            string? previous = null;
            foreach (var draft in clauses)
            {
                previous = OrderKey.Between(previous, null);
                ids.Add(CreateClause(doc, draft, previous));
            }
        });
        return ids;
    }

    /// <summary>Adds a clause after <paramref name="afterClauseId"/> (or at the end), returning its id.</summary>
    public static string AddClause(Doc doc, ClauseDraft draft, string? afterClauseId = null)
    {
        string id = "";
        doc.Transact(_ =>
        {
            var active = Read(doc).Clauses;
            var index = afterClauseId is null ? active.Count - 1 : IndexOf(active, afterClauseId);
            var before = index >= 0 ? active[index].Order : null;
            var after = index + 1 < active.Count ? active[index + 1].Order : null;
            id = CreateClause(doc, draft, OrderKey.Between(before, after));
        });
        return id;
    }

    /// <summary>Marks a clause withdrawn; its text is kept.</summary>
    public static void Withdraw(Doc doc, string clauseId) =>
        doc.Transact(_ => ClauseMap(doc, clauseId).Set("state", "withdrawn"));

    /// <summary>Moves a clause right after <paramref name="afterClauseId"/> (null: to the front).</summary>
    public static void Move(Doc doc, string clauseId, string? afterClauseId) =>
        doc.Transact(_ =>
        {
            var others = Read(doc).Clauses.Where(c => c.Id != clauseId).ToList();
            var index = afterClauseId is null ? -1 : IndexOf(others, afterClauseId);
            var before = index >= 0 ? others[index].Order : null;
            var after = index + 1 < others.Count ? others[index + 1].Order : null;
            ClauseMap(doc, clauseId).Set("order", OrderKey.Between(before, after));
        });

    /// <summary>
    /// Splits a clause at <paramref name="offset"/> of its body: the text after it becomes a new clause
    /// placed right after, marked as split from the original. Returns the new clause's id.
    /// </summary>
    public static string Split(Doc doc, string clauseId, int offset, string newHeading = "")
    {
        string id = "";
        doc.Transact(_ =>
        {
            var body = (YText)ClauseMap(doc, clauseId).Get("body")!;
            if (offset < 0 || offset > body.Length) throw new ArgumentOutOfRangeException(nameof(offset));
            var tail = body.ToString()[offset..];
            body.Delete(offset, body.Length - offset);
            id = AddClause(doc, new ClauseDraft(newHeading, tail), clauseId);
            ClauseMap(doc, id).Set("splitFrom", clauseId);
        });
        return id;
    }

    /// <summary>
    /// Merges clause <paramref name="sourceId"/> into <paramref name="targetId"/>: its body is appended (in each language
    /// of a bilingual bill) and it is withdrawn.
    /// </summary>
    public static void Merge(Doc doc, string targetId, string sourceId) =>
        doc.Transact(_ =>
        {
            var source = ClauseMap(doc, sourceId);
            var languages = BillLanguages.Read(doc);
            foreach (var language in languages.Count > 0 ? languages : [""])
            {
                var key = BillLanguages.BodyKey(languages, language);
                if (ClauseMap(doc, targetId).Get(key) is not YText target) continue;
                var text = source.Get(key) is YText body ? body.ToString() : "";
                if (text.Length > 0) target.Insert(target.Length, target.Length > 0 ? "\n\n" + text : text);
            }
            source.Set("state", "withdrawn");
            source.Set("mergedInto", targetId);
        });

    /// <summary>
    /// The bill as it stands in <paramref name="doc"/>, or as it stood at <paramref name="snapshot"/>
    /// (reading a snapshot needs a document that keeps deleted content: gc off).
    /// </summary>
    public static BillText Read(Doc doc, Snapshot? snapshot = null)
    {
        var languages = BillLanguages.Read(doc, snapshot);
        var all = new List<Clause>();
        var clauses = doc.GetMap(ClausesRoot);
        var entries = snapshot is null ? clauses.Entries : clauses.ToDictionary(snapshot);
        foreach (var (id, value) in entries)
        {
            if (value is not YMap map) continue;
            object? Field(string key) => snapshot is null ? map.Get(key) : map.Get(key, snapshot);
            string TextField(string key) => Field(key) is YText text ? TextOf(text, snapshot) : "";
            var clause = new Clause(
                id,
                0,
                TextField("heading"),
                TextField("body"),
                Field("order") as string ?? "",
                Field("state") as string == "withdrawn" ? ClauseState.Withdrawn : ClauseState.Active,
                Field("mergedInto") as string,
                Field("splitFrom") as string);
            if (languages.Count > 1)
            {
                clause = clause with
                {
                    Translations = languages.Skip(1).ToDictionary(
                        l => l,
                        l => new ClauseTranslation(TextField(BillLanguages.HeadingKey(languages, l)), TextField(BillLanguages.BodyKey(languages, l))),
                        StringComparer.Ordinal),
                    Reviewed = ClauseReview.Parse(Field(BillLanguages.ReviewedKey) as string),
                };
            }
            all.Add(clause);
        }
        all.Sort(static (a, b) =>
        {
            var byOrder = string.CompareOrdinal(a.Order, b.Order);
            return byOrder != 0 ? byOrder : string.CompareOrdinal(a.Id, b.Id);
        });
        var active = new List<Clause>();
        var withdrawn = new List<Clause>();
        foreach (var c in all)
        {
            if (c.State == ClauseState.Active) active.Add(c with { Number = active.Count + 1 });
            else withdrawn.Add(c);
        }
        var text = new BillText(TextOf(doc.GetText(TitleRoot), snapshot), TextOf(doc.GetText(PreambleRoot), snapshot), active, withdrawn);
        if (languages.Count < 2) return text;
        return text with
        {
            Languages = languages,
            TitleTranslations = languages.Skip(1).ToDictionary(
                l => l,
                l => new ClauseTranslation(
                    TextOf(doc.GetText(BillLanguages.TitleRoot(languages, l)), snapshot),
                    TextOf(doc.GetText(BillLanguages.PreambleRoot(languages, l)), snapshot)),
                StringComparer.Ordinal),
        };
    }

    /// <summary>The clause map of <paramref name="clauseId"/>, or an error naming it.</summary>
    public static YMap ClauseMap(Doc doc, string clauseId) =>
        doc.GetMap(ClausesRoot).Get(clauseId) as YMap
        ?? throw new KeyNotFoundException($"No clause '{clauseId}' in this bill.");

    private static string CreateClause(Doc doc, ClauseDraft draft, string order)
    {
        var id = ClauseId.New();
        var map = new YMap();
        map.Set("heading", new YText(draft.Heading));
        map.Set("body", new YText(draft.Body));
        map.Set("order", order);
        map.Set("state", "active");
        doc.GetMap(ClausesRoot).Set(id, map);
        var languages = BillLanguages.Read(doc);
        if (languages.Count > 1) BillLanguages.AddTexts(map, languages);
        return id;
    }

    private static string TextOf(YText text, Snapshot? snapshot) => snapshot is null ? text.ToString() : text.ToString(snapshot);

    private static int IndexOf(IReadOnlyList<Clause> clauses, string id)
    {
        for (var i = 0; i < clauses.Count; i++)
        {
            if (clauses[i].Id == id) return i;
        }
        throw new KeyNotFoundException($"No active clause '{id}' in this bill.");
    }
}
