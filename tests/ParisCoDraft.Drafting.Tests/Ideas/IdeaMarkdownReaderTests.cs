using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Ideas;

namespace ParisCoDraft.Drafting.Tests.Ideas;

public class IdeaMarkdownReaderTests
{
    [Fact]
    public void ReadsNumberedBoldTitlesTextsAndGroups()
    {
        const string md = """
            # Idées de l'Assemblée

            1. **Îlots de fraîcheur** — Un lieu rafraîchi par quartier. (citoyens)
            2) **Fontaines** : Une fontaine à moins de 200 m
               de chaque habitation (voir carte). (agents)
            3. **Suivi** - Un bilan après un an
            """;

        var ideas = IdeaMarkdownReader.Read(md);

        Assert.Equal(
        [
            new Idea(1, "Îlots de fraîcheur", "Un lieu rafraîchi par quartier.", StakeholderGroup.Citizens),
            new Idea(2, "Fontaines", "Une fontaine à moins de 200 m de chaque habitation (voir carte).", StakeholderGroup.CivilServants),
            new Idea(3, "Suivi", "Un bilan après un an", null),
        ], ideas);
    }

    [Fact]
    public void KeepsAParenthesisThatIsNotAGroupInTheText()
    {
        var idea = Assert.Single(IdeaMarkdownReader.Read("4. **Eau** — Boire (gratuitement)"));

        Assert.Equal("Boire (gratuitement)", idea.Text);
        Assert.Null(idea.SourceGroup);
    }

    [Theory]
    [InlineData("1. **A** — a\n2. Sans titre en gras", 2, "must be in bold")]
    [InlineData("1. **A** — a\n\nUne phrase seule", 3, "not an idea")]
    [InlineData("1. **A** — a\n1. **B** — b", 2, "already appears on line 1")]
    [InlineData("1. **** — a", 1, "title in bold is empty")]
    public void ReportsTheLineOfEachProblem(string md, int line, string problem)
    {
        var e = Assert.Throws<IdeaImportException>(() => IdeaMarkdownReader.Read(md));

        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
    }
}
