using ParisCoDraft.Crdt;
using ParisCoDraft.Drafting.Attribution;
using ParisCoDraft.Drafting.Bills;

namespace ParisCoDraft.Drafting.Tests.Attribution;

public class AuthorshipRecordsTests
{
    [Fact]
    public void GivesEachClockToTheOldestMarkCoveringIt()
    {
        var records = new AuthorshipRecords(new Dictionary<long, StakeholderGroup?>(),
        [
            new DeletionMark(7, 10, 5, StakeholderGroup.Citizens),       // 10..14
            new DeletionMark(7, 0, 30, StakeholderGroup.CivilServants),  // relays 10..14, deletes the rest
            new DeletionMark(7, 12, 2, StakeholderGroup.ElectedOfficials),
        ]);

        var pieces = records.Deleters(7, 8, 10).ToList();

        Assert.Equal(
            [(8L, 2L, StakeholderGroup.CivilServants), (10L, 5L, StakeholderGroup.Citizens), (15L, 3L, StakeholderGroup.CivilServants)],
            pieces);
        Assert.Empty(records.Deleters(8, 0, 100));
    }

    [Fact]
    public void LeavesOutPartsDeletedBySomeoneWithoutAGroup()
    {
        var records = new AuthorshipRecords(new Dictionary<long, StakeholderGroup?> { [3] = null },
            [new DeletionMark(3, 0, 4, null), new DeletionMark(3, 0, 8, StakeholderGroup.Citizens)]);

        Assert.Equal([(4L, 4L, StakeholderGroup.Citizens)], records.Deleters(3, 0, 8).ToList());
        Assert.Null(records.Writer(3));
        Assert.Null(records.Writer(99));
    }

    [Fact]
    public void CountsOnlyDeletionsTheDocumentDoesNotAlreadyShow()
    {
        var doc = new Doc(new DocOptions { Gc = false, ClientId = 5 });
        doc.GetText("t").Insert(0, "abcdefghij");
        var peer = new Doc(new DocOptions { ClientId = 6 });
        Y.ApplyUpdate(peer, Y.EncodeStateAsUpdate(doc));
        doc.GetText("t").Delete(2, 3);             // c d e, already deleted on the server
        Y.ApplyUpdate(peer, Y.EncodeStateAsUpdate(doc));
        peer.GetText("t").Delete(0, peer.GetText("t").Length); // everything left: a b f g h i j

        var update = Y.EncodeStateAsUpdate(peer, Y.EncodeStateVector(doc));
        var fresh = NewDeletions.In(doc, Y.ReadUpdateInfo(update).DeleteSet);

        Assert.Equal([(5L, 0L, 2L), (5L, 5L, 5L)], fresh);
    }
}
