using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>Clause bodies that use the Markdown a participant may type, and hostile ones.</summary>
internal static class MarkdownBodies
{
    /// <summary>Two lists (bullets with a nested numbered list; numbered from 3), a quote, a heading, links.</summary>
    public const string Structured =
        "Les mesures :\n\n" +
        "- ouvrir des **îlots**\n" +
        "- planter :\n" +
        "  1. des arbres\n" +
        "  2. des haies\n" +
        "- informer\n\n" +
        "3. premier point\n" +
        "4. second point\n\n" +
        "> Citation de *l'Assemblée*\n\n" +
        "## Modalités\n\n" +
        "Voir [le plan canicule](https://www.paris.fr/canicule) ou écrire à [la mairie](mailto:mairie@paris.fr).";

    /// <summary>What a hostile participant might type: script links, raw HTML, Word field codes.</summary>
    public const string Hostile =
        "[clic](javascript:alert(1)) [rel](/docs/a) ![img](https://evil.example/pixel.png) <javascript:alert(2)>\n\n" +
        "<script>alert(3)</script> <a href=\"javascript:alert(4)\">a</a>\n\n" +
        "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/c calc\" } { HYPERLINK \"javascript:alert(5)\" } { INCLUDETEXT \"file:///etc/passwd\" }\n\n" +
        "- [liste](vbscript:msgbox(6))\n\n" +
        "> [citation](data:text/html;base64,PHNjcmlwdD4=)\n\n" +
        "[a [b](javascript:alert(7))\n\n" +
        "[ref][r]\n\n" +
        "[r]: javascript:alert(8)\n";

    public static BillText Bill(string body) => Builders.Bill(preamble: "Préambule avec une liste :\n\n- un\n- deux")
        .Clause(Builders.Id(1), "Mesures", body)
        .Clause(Builders.Id(2), "Second", "Texte simple.")
        .Build();
}
