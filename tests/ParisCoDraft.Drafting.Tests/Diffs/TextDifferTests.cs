using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;

namespace ParisCoDraft.Drafting.Tests.Diffs;

public class TextDifferTests
{
    [Fact]
    public void ShowsARemovedCommaAsADeletionOfItsOwn()
    {
        var diff = TextDiffer.Compare("la Ville, et les habitants", "la Ville et les habitants");

        var deleted = Assert.Single(diff.Runs, r => r.Kind != DiffRunKind.Equal);
        Assert.Equal(DiffRunKind.Deleted, deleted.Kind);
        Assert.Equal(",", deleted.Text);
        Assert.True(deleted.IsPunctuationOnly);
        Assert.Equal(8, deleted.OlderStart);
    }

    [Fact]
    public void ReplacesOneWordWithoutTouchingItsNeighbours()
    {
        var diff = TextDiffer.Compare("au moins un lieu par quartier", "au moins deux lieux par quartier");

        Assert.Equal(
            ["=au moins ", "-un", "+deux", "= ", "-lieu", "+lieux", "= par quartier"],
            diff.Runs.Select(Show));
        Assert.Equal(2, diff.WordsInserted);
        Assert.Equal(2, diff.WordsDeleted);
    }

    [Fact]
    public void RebuildsBothTextsFromTheRuns()
    {
        const string older = "L'Assemblée propose.\n\nLa Ville, et ses agents, appliquent; l'État aide.";
        const string newer = "L'Assemblée citoyenne propose !\n\nLa Ville et ses agent·es appliquent ; l'État aide.\nFin.";
        var diff = TextDiffer.Compare(older, newer);

        Assert.Equal(older, string.Concat(diff.Runs.Where(r => r.Kind != DiffRunKind.Inserted).Select(r => r.Text)));
        Assert.Equal(newer, string.Concat(diff.Runs.Where(r => r.Kind != DiffRunKind.Deleted).Select(r => r.Text)));
        foreach (var r in diff.Runs.Where(r => r.Kind != DiffRunKind.Inserted)) Assert.Equal(r.Text, older.Substring(r.OlderStart, r.Text.Length));
        foreach (var r in diff.Runs.Where(r => r.Kind != DiffRunKind.Deleted)) Assert.Equal(r.Text, newer.Substring(r.NewerStart, r.Text.Length));
    }

    [Fact]
    public void AlignsUnchangedParagraphsInTheirOwnRows()
    {
        var diff = TextDiffer.Compare("Un.\nDeux mots.\nTrois.", "Un.\nDeux autres mots.\nNouveau.\nTrois.");

        Assert.Equal([DiffRowKind.Unchanged, DiffRowKind.Modified, DiffRowKind.Unchanged], diff.Rows.Select(r => r.Kind));
        Assert.Equal("Un.", string.Concat(diff.Rows[0].Left.Select(r => r.Text)));
        Assert.Equal("Deux mots.", string.Concat(diff.Rows[1].Left.Select(r => r.Text)));
        Assert.Equal("Deux autres mots.\nNouveau.", string.Concat(diff.Rows[1].Right.Select(r => r.Text)));
        Assert.Equal("Trois.", string.Concat(diff.Rows[2].Right.Select(r => r.Text)));
    }

    [Fact]
    public void MarksARowInsertedWhenOnlyTheNewerSideHasText()
    {
        var diff = TextDiffer.Compare("", "Texte neuf.");

        var row = Assert.Single(diff.Rows);
        Assert.Equal(DiffRowKind.Inserted, row.Kind);
        Assert.Empty(row.Left);
    }

    [Fact]
    public void KeepsAccentedWordsWholeAndPunctuationApart()
    {
        Assert.Equal(["élu", "·", "es", " ", "l", "'", "État", ",", " ", "2030", "\n", "\n", "x"], DiffTokenizer.Tokenize("élu·es l'État, 2030\n\nx"));
    }

    [Fact]
    public void AsksTheAttributionAboutEachChangedRange()
    {
        var attribution = new SpanAttribution(
        [
            new AttributedSpan(DiffField.Body, "c1", false, 9, 4, StakeholderGroup.CivilServants),
            new AttributedSpan(DiffField.Body, "c1", true, 9, 2, StakeholderGroup.Citizens),
        ]);

        var diff = TextDiffer.Compare("au moins un lieu", "au moins deux lieu", attribution, DiffField.Body, "c1");

        Assert.Equal([StakeholderGroup.Citizens], diff.Runs.Single(r => r.Kind == DiffRunKind.Deleted).Groups);
        Assert.Equal([StakeholderGroup.CivilServants], diff.Runs.Single(r => r.Kind == DiffRunKind.Inserted).Groups);
        Assert.All(diff.Runs.Where(r => r.Kind == DiffRunKind.Equal), r => Assert.Empty(r.Groups));
    }

    private static string Show(DiffRun r) => r.Kind switch { DiffRunKind.Inserted => "+", DiffRunKind.Deleted => "-", _ => "=" } + r.Text;
}
