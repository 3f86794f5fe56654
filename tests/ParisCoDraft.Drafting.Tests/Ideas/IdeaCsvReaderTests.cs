using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Drafting.Ideas;

namespace ParisCoDraft.Drafting.Tests.Ideas;

public class IdeaCsvReaderTests
{
    [Fact]
    public void ReadsQuotedFieldsWithCommasLineBreaksAndQuotes()
    {
        const string csv = "\uFEFFnumber,title,text,source_group\r\n" +
            "1,Îlots de fraîcheur,\"Un lieu, par quartier\",citoyens\r\n" +
            "2,\"Le \"\"registre\"\"\",\"Appeler chaque jour\r\nles personnes inscrites\",civil servants\n" +
            "\n" +
            "3,Fontaines,Une fontaine à 200 m,\n";

        var ideas = IdeaCsvReader.Read(csv);

        Assert.Equal(
        [
            new Idea(1, "Îlots de fraîcheur", "Un lieu, par quartier", StakeholderGroup.Citizens),
            new Idea(2, "Le \"registre\"", "Appeler chaque jour\r\nles personnes inscrites", StakeholderGroup.CivilServants),
            new Idea(3, "Fontaines", "Une fontaine à 200 m", null),
        ], ideas);
    }

    [Fact]
    public void AcceptsColumnsInAnyOrder()
    {
        var idea = Assert.Single(IdeaCsvReader.Read("Title,Source_Group,Number,Text\nSuivi,élus,7,Un bilan\n"));

        Assert.Equal(new Idea(7, "Suivi", "Un bilan", StakeholderGroup.ElectedOfficials), idea);
    }

    [Theory]
    [InlineData("number,title,text\n1,a,b\n", 1, "source_group")]
    [InlineData("number,title,text,source_group\n1,a,b,citoyens\n2,a,b\n", 3, "expected 4 fields, found 3")]
    [InlineData("number,title,text,source_group\n1,a,\"b\nc\nd\",citoyens\nx,a,b,\n", 5, "'x' is not a positive whole number")]
    [InlineData("number,title,text,source_group\n1,a,b,\n1,c,d,\n", 3, "already appears on line 2")]
    [InlineData("number,title,text,source_group\n1,,b,\n", 2, "no title")]
    [InlineData("number,title,text,source_group\n1,a,b,martians\n", 2, "unknown source group 'martians'")]
    [InlineData("number,title,text,source_group\n1,a,\"b\n\nc,\n", 2, "never closed")]
    [InlineData("number,title,text,source_group\n1,a,b \"c\",\n", 2, "double quote inside an unquoted field")]
    [InlineData("number,title,text,source_group\n1,a,\"b\"c,\n", 2, "after the closing quote")]
    [InlineData("", 1, "empty")]
    public void ReportsTheLineOfEachProblem(string csv, int line, string problem)
    {
        var e = Assert.Throws<IdeaImportException>(() => IdeaCsvReader.Read(csv));

        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"Line {line}: ", e.Message);
    }
}
