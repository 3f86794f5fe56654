using ParisCoDraft.Drafting.Bills;
using ParisCoDraft.Storage;

namespace ParisCoDraft.Web.Auth;

/// <summary>Turns a request's bill cookie into a <see cref="Member"/> (HTTP endpoints and the hub alike).</summary>
public sealed class MemberResolver(IDraftingStore store)
{
    /// <summary>The member of <paramref name="billId"/> whose live session cookie came with the request, or null.</summary>
    public async Task<Member?> ResolveAsync(IRequestCookieCollection cookies, string billId, CancellationToken cancellationToken)
    {
        var token = SessionCookie.Read(cookies, billId);
        if (token is null) return null;
        var participant = await store.FindSessionParticipantAsync(Tokens.Hash(token), cancellationToken).ConfigureAwait(false);
        // A cookie replayed under another bill's name must not open that bill.
        if (participant is null || participant.BillId != billId) return null;
        return Roles.TryParse(participant.Role, out var role) ? new Member(participant, role) : null;
    }
}
