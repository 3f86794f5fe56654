using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Diffs;
using static ParisCoDraft.Drafting.Tests.Builders;

namespace ParisCoDraft.Drafting.Tests.Diffs;

public class DiffSummaryTests
{
    [Fact]
    public void SaysWhichGroupRewordedAndWhichAddedAClause()
    {
        const string oldBody = "Une fontaine est accessible à moins de 200 mètres.";
        const string newBody = "Une fontaine à boire est accessible à moins de 150 mètres.";
        var older = Bill().Clause(Id(1), "A", "a").Clause(Id(2), "Fontaines", oldBody).Build();
        var newer = Bill().Clause(Id(1), "A", "a").Clause(Id(2), "Fontaines", newBody).Clause(Id(3), "Suivi", "Un bilan annuel.").Build();
        var attribution = new SpanAttribution(
        [
            new AttributedSpan(DiffField.Body, Id(2), false, 0, newBody.Length, StakeholderGroup.CivilServants),
            new AttributedSpan(DiffField.Body, Id(2), true, 0, oldBody.Length, StakeholderGroup.CivilServants),
            new AttributedSpan(DiffField.Body, Id(3), false, 0, 100, StakeholderGroup.Citizens),
            new AttributedSpan(DiffField.Heading, Id(3), false, 0, 5, StakeholderGroup.Citizens),
        ]);

        var diff = BillDiffer.Compare(older, newer, attribution);
        var contributions = DiffSummary.Contributions(diff);

        Assert.Equal(2, contributions.Count);
        Assert.Equal(new GroupContribution(StakeholderGroup.CivilServants, DiffField.Body, Id(2), 2, ContributionKind.Reworded, 3, 1), contributions[0]);
        Assert.Equal(ContributionKind.AddedClause, contributions[1].Kind);
        Assert.Equal(StakeholderGroup.Citizens, contributions[1].Group);
        Assert.Equal("Civil servants reworded article 2 (4 words); citizens added article 3.", DiffSummary.Describe(diff, "en"));
        Assert.Equal("Les agent·es ont reformulé l'article 2 (4 mots); les citoyen·nes ont ajouté l'article 3.", DiffSummary.Describe(diff));
    }

    [Fact]
    public void SaysSoWhenNothingIsAttributed()
    {
        var bill = BillBuilder.Demo().Build();

        Assert.Equal("No attributed change.", DiffSummary.Describe(BillDiffer.Compare(bill, bill), "en"));
    }
}
