using ParisCoDraft.Drafting.Workshops;

namespace ParisCoDraft.Drafting.Tests.Workshops;

public class VersionPairingTests
{
    private static readonly VersionRef Open1 = new("o1", 1, VersionKinds.WorkshopOpen, "w1");
    private static readonly VersionRef Close1 = new("c1", 2, VersionKinds.WorkshopClose, "w1");
    private static readonly VersionRef Named = new("n", 3, VersionKinds.Named, null);
    private static readonly VersionRef Open2 = new("o2", 4, VersionKinds.WorkshopOpen, "w2");
    private static readonly VersionRef Close2 = new("c2", 5, VersionKinds.WorkshopClose, "w2");

    [Fact]
    public void ComparesAWorkshopWithThePreviousOne()
    {
        IReadOnlyList<VersionRef> all = [Open1, Close1, Named, Open2, Close2];

        Assert.Equal(Close1, VersionPairing.DefaultBase(all, Close2));
        Assert.Equal((Close1, Close2), VersionPairing.Default(all));
    }

    [Fact]
    public void ComparesTheFirstWorkshopWithTheTextItStartedFrom()
    {
        IReadOnlyList<VersionRef> all = [Open1, Close1];

        Assert.Equal(Open1, VersionPairing.DefaultBase(all, Close1));
        Assert.Null(VersionPairing.DefaultBase(all, Open1));
        Assert.Null(VersionPairing.Default([Open1]));
    }

    [Fact]
    public void ComparesANamedVersionWithTheLastWorkshopBeforeIt()
    {
        Assert.Equal(Close1, VersionPairing.DefaultBase([Open1, Close1, Named], Named));
        Assert.Equal((Open1, Named), VersionPairing.Default([Open1, Named]));
    }
}
