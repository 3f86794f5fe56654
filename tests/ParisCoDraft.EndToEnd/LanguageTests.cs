using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ParisCoDraft.EndToEnd.Support;

namespace ParisCoDraft.EndToEnd;

/// <summary>
/// The English interface, audited: after switching to English, every page (the bill with an article, a comment,
/// an amendment and its discussion, a lock and a round; the console; the projector; versions with a diff; ideas;
/// the one-year review; the join and index pages) shows no French in its chrome — text, aria-labels, titles,
/// placeholders, the document title. What people typed is left out (CodeMirror lines, names, known strings), and
/// so is what is meant to be French (an element with lang="fr", like the language switch).
/// And refusals: an edit the server refuses (observer, locked article) is explained in the page's language.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class LanguageTests(EndToEndFixture fixture)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(20);

    // Words and letters that appear in French sentences and in no English one of this interface. Accented letters
    // catch most leaks; the words catch unaccented ones ("Ajouter un article", "Pas encore de commentaire").
    private const string FrenchPattern =
        @"[àâçéèêëîïôûùœÀÂÇÉÈÊÎÔÛ«»]|\b(le|la|les|des|du|un|une|et|est|pour|avec|sur|dans|vous|votre|vos|pas|aucun|aucune|ce|cette|qui|que|au|aux|par|ou|sont|texte|projet|atelier|ateliers|amendement|commentaire|commentaires|ajouter|modifier|supprimer|enregistrer|annuler|fermer|retirer|rejoindre|publier|suivi|verrouiller|lien|liens|nom|lecture|seule|seul|vue|journal|afficher|projecteur|retour|séance|rôle|liste|ordre|jour|voter|ouvrir|clore|clôturer)\b";

    /// <summary>
    /// Runs in the page: every visible-or-not text node and UI attribute outside user content, minus the given
    /// user strings, that still looks French; "where: text" lines.
    /// </summary>
    private const string AuditScript = """
        ([pattern, userTexts]) => {
          const french = new RegExp(pattern, 'iu');
          const strip = (s) => { for (const u of userTexts) s = s.split(u).join(' '); return s; };
          // User content: CodeMirror's lines (what people typed), remote carets (names), marked user content.
          const userContent = '.cm-line, .cm-ySelectionInfo, [translate=no], script, style, noscript';
          const skipped = (el) => !!el.closest(userContent) || (el.closest('[lang]')?.getAttribute('lang') ?? 'en') !== 'en';
          const where = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          const leaks = [];
          const t = strip(document.title);
          if (french.test(t)) leaks.push('title: ' + document.title);
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!el || skipped(el)) continue;
            const text = strip(n.textContent ?? '').trim();
            if (text && french.test(text)) leaks.push(where(el) + ': ' + n.textContent.trim());
          }
          for (const el of document.body.querySelectorAll('*')) {
            if (skipped(el)) continue;
            for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
              const v = el.getAttribute(a);
              if (v && french.test(strip(v))) leaks.push(where(el) + ' [' + a + ']: ' + v);
            }
            if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button') && french.test(strip(el.value))) leaks.push(where(el) + ' [value]: ' + el.value);
          }
          return [...new Set(leaks)];
        }
        """;

    // What people typed in this test: names, the bill, the article, comments, amendment, versions, ideas, follow-up.
    private const string Facilitator = "Fatou Facilitator";
    private const string Citizen = "Alice Citizen";
    private const string Title = "Cool islands";
    private const string Preamble = "Les articles ci-dessous sont rédigés ensemble."; // BillApi's preamble: French on purpose

    private static readonly string[] UserTexts =
    [
        Preamble, Facilitator, Citizen, Title, "Purpose", "The City opens cool islands.", "Trees rather than misters.",
        "The City opens one cool island per district.", "One per district.", "Why only one?", "Reading aloud",
        "Before the workshop", "After the workshop", "Plant trees", "More fountains", "Trees", "Fountains", "DEVE",
        "Map the cool islands", " One per district.",
    ];

    private static async Task AssertNoFrenchAsync(IPage page, string what)
    {
        var leaks = await page.EvaluateAsync<JsonElement>(AuditScript, new object[] { FrenchPattern, UserTexts }).Within().ConfigureAwait(false);
        var list = leaks.EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.True(list.Count == 0, $"French left in the English {what} ({list.Count}):\n  " + string.Join("\n  ", list));
    }

    private static async Task SwitchToEnglishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Language: English" }).ClickAsync().Within().ConfigureAwait(false);
        await page.Locator("html[lang=en]").WaitForAsync(new() { State = WaitForSelectorState.Attached }).Within().ConfigureAwait(false);
    }

    [Fact]
    public void TheAuditRecognisesFrenchChromeAndLeavesEnglishAlone()
    {
        // The detector itself, on strings from both tables: it cannot pass by matching nothing.
        var french = new Regex(FrenchPattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        foreach (var fr in new[] { "Ajouter un article", "Pas encore de commentaire", "Lecture seule", "Vue projecteur", "Rejoindre", "Suivi à un an" })
        {
            Assert.Matches(french, fr);
        }
        foreach (var en in new[] { "Add an article", "No comment yet", "Read only", "Projector view", "Join", "One-year review", "Facilitator’s console", "Language: English" })
        {
            Assert.DoesNotMatch(french, en);
        }
    }

    [Fact]
    public async Task EveryPageShowsNoFrenchOnceSwitchedToEnglish()
    {
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var citizenContext = await fixture.NewPersonAsync();
        await using var visitorContext = await fixture.NewPersonAsync();
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, Title, Facilitator);
        var f = await BillPage.JoinAsync(facilitatorContext, bill.InviteFor("facilitator"), Facilitator, fixture);
        await f.Page.EvaluateAsync("() => window.pariscodraft.model.add(undefined, 'Purpose', 'The City opens cool islands.')").Within();
        await Bounded.Eventually(f.PendingAsync, n => n == 0, "the article stored", Live);
        var clauseId = await f.Page.EvaluateAsync<string>("() => window.pariscodraft.model.list().active[0].id").Within();

        // Alice comments, takes a stance, proposes an amendment and comments on it (through the page's own client).
        var a = await BillPage.JoinAsync(citizenContext, bill.InviteFor("citizen"), Citizen, fixture);
        await Bounded.Eventually(a.ArticleCountAsync, n => n == 1, "Alice sees the article", Live);
        await a.Page.EvaluateAsync("""
            async (clauseId) => {
              const d = window.pariscodraft.deliberation;
              await d.addComment({ clauseId, body: 'Trees rather than misters.' });
              await d.setStance(clauseId, 'reservations', 'One per district.');
              const am = await d.propose({ clauseId, heading: 'Purpose', body: 'The City opens one cool island per district.', rationale: 'One per district.' });
              await d.addComment({ amendmentId: am.id, body: 'Why only one?' });
            }
            """, clauseId).Within();

        // The facilitator runs the session: an agenda, a round, a lock; a version before and after an edit; ideas; follow-up.
        await f.Page.EvaluateAsync("""
            async (clauseId) => {
              const d = window.pariscodraft.deliberation;
              await d.session$('SetAgenda', [{ clauseId, minutes: 10 }]);
              await d.session$('StartAgendaItem', clauseId);
              await d.session$('OpenRound', clauseId);
            }
            """, clauseId).Within();
        var api = $"/api/bills/{bill.BillId}";
        async Task PostAsync(string path, string json)
        {
            var status = await f.Page.EvaluateAsync<int>(
                "async ([url, body]) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status",
                new[] { api + path, json }).Within();
            Assert.True(status is 200 or 201 or 204, $"POST {path} answered {status}");
        }
        await PostAsync("/versions", "{\"label\":\"Before the workshop\"}");
        await f.TypeInArticleAsync(1, " One per district.");
        await Bounded.Eventually(f.PendingAsync, n => n == 0, "the edit stored", Live);
        await PostAsync("/versions", "{\"label\":\"After the workshop\"}");
        await PostAsync("/ideas/import", "{\"format\":\"csv\",\"content\":\"number,title,text,source_group\\n1,Trees,Plant trees,citizens\\n2,Fountains,More fountains,citizens\\n\"}");
        await PostAsync("/follow-up/commitments", $"{{\"clauseId\":\"{clauseId}\",\"department\":\"DEVE\",\"action\":\"Map the cool islands\",\"dueDate\":\"2026-06-30\"}}");
        await f.Page.EvaluateAsync("clauseId => window.pariscodraft.deliberation.session$('LockClause', clauseId, 'Reading aloud')", clauseId).Within();

        // Alice switches to English with everything on screen: what was drawn in French is drawn again.
        await a.OpenDiscussionAsync(1);
        await a.Article(1).Locator(".lock-note").WaitForAsync(new() { State = WaitForSelectorState.Visible }).Within(Live);
        await a.OpenAmendmentDiscussionAsync(1);
        await a.Article(1).GetByText("Why only one?").WaitForAsync().Within(Live);
        await SwitchToEnglishAsync(a.Page);
        await AssertNoFrenchAsync(a.Page, "bill page (citizen, discussion open)");

        // The facilitator too (invites, audit, approval box), then the console, the projector and the other pages.
        await f.OpenDiscussionAsync(1);
        await SwitchToEnglishAsync(f.Page);
        await f.Article(1).Locator("[data-testid=amendment]").First.WaitForAsync().Within(Live);
        await AssertNoFrenchAsync(f.Page, "bill page (facilitator)");

        var page = await facilitatorContext.NewPageAsync().Within();
        fixture.Watch(page, "facilitator pages");
        await page.GotoAsync($"/bills/{bill.BillId}/console").Within();
        await page.Locator($"tr[data-clause-id='{clauseId}']").WaitForAsync().Within(Live);
        await AssertNoFrenchAsync(page, "console");

        await page.GotoAsync($"/bills/{bill.BillId}/projector").Within();
        await page.Locator("[data-testid=projector-stage]").Locator("*").First.WaitForAsync().Within(Live);
        await AssertNoFrenchAsync(page, "projector");

        await page.GotoAsync($"/bills/{bill.BillId}/versions").Within();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Compare version v2") }).ClickAsync().Within(Live);
        await page.GetByTestId("diff-summary").WaitForAsync().Within(Live);
        await AssertNoFrenchAsync(page, "versions page with a diff");
        await page.GetByLabel("Side by side").CheckAsync().Within();
        await page.Locator("[data-testid=diff-text] .diff-side").First.WaitForAsync().Within();
        await AssertNoFrenchAsync(page, "side-by-side diff");

        await page.GotoAsync($"/bills/{bill.BillId}/ideas").Within();
        await page.Locator("#matrix tbody tr").First.WaitForAsync().Within(Live);
        await AssertNoFrenchAsync(page, "ideas page");

        await page.GotoAsync($"/bills/{bill.BillId}/review").Within();
        await page.Locator("#commitment-rows tr").First.WaitForAsync().Within(Live);
        await AssertNoFrenchAsync(page, "review page");

        // Someone new: the join page with its preview, and the index page, both switched to English.
        var visitor = await visitorContext.NewPageAsync().Within();
        fixture.Watch(visitor, "visitor");
        await visitor.GotoAsync(bill.InviteFor("observer")).Within();
        await visitor.Locator("#invite-preview:not([hidden])").WaitForAsync().Within(Live);
        await SwitchToEnglishAsync(visitor);
        await AssertNoFrenchAsync(visitor, "join page");
        await visitor.GotoAsync("/").Within();
        await visitor.Locator("#create-form").WaitForAsync().Within();
        await AssertNoFrenchAsync(visitor, "index page");
    }

    [Theory]
    [InlineData("fr", "Votre rôle permet de lire le texte, pas de le modifier.", "Cet article est verrouillé par l’animation pendant la discussion.")]
    [InlineData("en", "Your role lets you read the text, not change it.", "The facilitator has locked this article during the discussion.")]
    public async Task ARefusedEditIsExplainedInThePagesLanguage(string language, string readOnly, string locked)
    {
        await using var facilitatorContext = await fixture.NewPersonAsync();
        await using var citizenContext = await fixture.NewPersonAsync();
        await using var observerContext = await fixture.NewPersonAsync();
        var bill = await BillApi.CreateAsync(fixture.Server.BaseUri, Title, Facilitator);
        var f = await BillPage.JoinAsync(facilitatorContext, bill.InviteFor("facilitator"), Facilitator, fixture);
        await f.Page.EvaluateAsync("() => window.pariscodraft.model.add(undefined, 'Purpose', 'The City opens cool islands.')").Within();
        await Bounded.Eventually(f.PendingAsync, n => n == 0, "the article stored", Live);
        var clauseId = await f.Page.EvaluateAsync<string>("() => window.pariscodraft.model.list().active[0].id").Within();
        var a = await BillPage.JoinAsync(citizenContext, bill.InviteFor("citizen"), Citizen, fixture);
        var o = await BillPage.JoinAsync(observerContext, bill.InviteFor("observer"), "Olga Observer", fixture);
        foreach (var p in new[] { a, o }) await Bounded.Eventually(p.ArticleCountAsync, n => n == 1, $"{p.Name} sees the article", Live);
        if (language == "en")
        {
            await SwitchToEnglishAsync(a.Page);
            await SwitchToEnglishAsync(o.Page);
        }

        // The observer's page cannot type; its document is changed underneath, as a tampered client would: the
        // server refuses the update (read-only) and the page says why, from the code.
        await o.Page.EvaluateAsync("() => window.pariscodraft.model.list().active[0].body.insert(0, 'Hacked. ')").Within();
        var alert = o.Page.Locator("#delib-alert[data-code='read-only']");
        await alert.WaitForAsync().Within(Live);
        Assert.Contains(readOnly, await alert.TextContentAsync().Within(), StringComparison.Ordinal);

        // The facilitator locks the article; Alice's document is changed underneath the read-only editor: refused.
        await f.Page.EvaluateAsync("clauseId => window.pariscodraft.deliberation.session$('LockClause', clauseId, 'Reading aloud')", clauseId).Within();
        await a.Article(1).Locator(".lock-note").WaitForAsync(new() { State = WaitForSelectorState.Visible }).Within(Live);
        await a.Page.EvaluateAsync("() => window.pariscodraft.model.list().active[0].body.insert(0, 'Sneaky. ')").Within();
        var lockedAlert = a.Page.Locator("#delib-alert[data-code='locked']");
        await lockedAlert.WaitForAsync().Within(Live);
        var shown = await lockedAlert.TextContentAsync().Within() ?? "";
        Assert.Contains(locked, shown, StringComparison.Ordinal);
        // Never the server's own sentence (bilingual, with the clause id) in the page.
        Assert.DoesNotContain(clauseId, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("HubException", shown, StringComparison.Ordinal);

        // Switching language redraws the explanation in the other language.
        if (language == "fr")
        {
            await SwitchToEnglishAsync(a.Page);
            await Bounded.Eventually(() => lockedAlert.TextContentAsync().Within(), s => s?.Contains("The facilitator has locked this article", StringComparison.Ordinal) == true,
                "the alert redrawn in English", Live);
        }
    }
}
