using System.Text.Json;
using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;
using ParisCoDraft.Web.Documents;

namespace ParisCoDraft.Web.Api;

/// <summary>Creates a bill with its first text and one invite link per role (the API and the demo seed share it).</summary>
internal static class BillCreation
{
    /// <summary>What was written, and the creator's session token when there is a creator.</summary>
    internal sealed record Created(NewBill Bill, string? CreatorToken);

    public static async Task<(Created Created, IReadOnlyList<InviteLinkView> Links)> CreateAsync(
        IDraftingStore store, string title, string? preamble, IEnumerable<ClauseDraft> clauses, string baseUrl,
        DateTimeOffset now, string? creatorName, CancellationToken ct, string? billId = null, IReadOnlyList<string>? languages = null)
    {
        billId ??= Tokens.NewId('b');
        var invites = new List<InviteRecord>();
        var links = new List<InviteLinkView>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var (invite, secret) = InviteLinks.New(billId, role, now);
            invites.Add(invite);
            links.Add(new InviteLinkView(invite.Id, invite.Role, InviteLinks.Url(baseUrl, secret), now));
        }
        ParticipantRecord? creator = null;
        SessionRecord? session = null;
        string? token = null;
        if (creatorName is not null)
        {
            creator = new ParticipantRecord(Tokens.NewId('p'), billId, creatorName, Role.Facilitator.ToWire(), null, now);
            token = Tokens.NewSecret();
            session = new SessionRecord(Tokens.Hash(token), creator.Id, now);
        }
        var audit = new AuditEntry(billId, now, creator?.Id, creator?.Role, "bill.created",
            JsonSerializer.Serialize(new { title, invites = invites.Select(i => new { i.Id, i.Role }) }));
        var bill = new NewBill(new BillRecord(billId, title, now), BillSeed.CreateInitialUpdate(title, preamble, clauses, languages),
            invites, creator, session, audit);
        await store.CreateBillAsync(bill, ct).ConfigureAwait(false);
        return (new Created(bill, token), links);
    }
}
