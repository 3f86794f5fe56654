using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests.Exports;

/// <summary>A bill whose every field carries what a hostile participant might type.</summary>
internal static class HostileBill
{
    public static BillText Build() => Builders.Bill("<script>alert('titre')</script> Délibération", "Préambule <img src=x onerror=alert(1)> [lien](javascript:alert(2))")
        .Clause(Builders.Id(1), "<b onmouseover=alert(3)>Îlots</b>",
            "Texte **gras** et *italique* <script>alert(4)</script>\n\n" +
            "[clic](javascript:alert(5)) [clic2](JaVaScRiPt:alert(6)) [ok](https://paris.fr/canicule) [rel](/docs/a:b)\n\n" +
            "<javascript:alert(7)> ![img](javascript:alert(8)) [data](data:text/html;base64,PHNjcmlwdD4=)\n\n" +
            "[ref][r] <a href=\"javascript:alert(9)\" onclick=\"x()\">a</a> caractère de contrôle: \u0001 fin\n\n" +
            "[r]: javascript:alert(10)\n")
        .Clause(Builders.Id(2), "Cours | d'école", "- un\n- deux\n\n> citation")
        .Build();
}
