using ParisCoDraft.Storage;
using ParisCoDraft.Web.Auth;

namespace ParisCoDraft.Web.Api;

/// <summary>The checks every bill endpoint starts with: the bill exists, the caller is a member, the role allows it.</summary>
internal static class BillAccess
{
    /// <summary>The outcome: either the bill and the member, or the error to answer.</summary>
    internal readonly record struct Outcome(BillRecord? Bill, Member? Member, IResult? Error);

    public static async Task<Outcome> CheckAsync(
        HttpContext http, string billId, bool facilitatorOnly, CancellationToken cancellationToken)
    {
        if (!Tokens.IsWellFormed(billId)) return new(null, null, ApiError.UnknownBill());
        var store = http.RequestServices.GetRequiredService<IDraftingStore>();
        var bill = await store.GetBillAsync(billId, cancellationToken).ConfigureAwait(false);
        if (bill is null) return new(null, null, ApiError.UnknownBill());
        var member = await http.RequestServices.GetRequiredService<MemberResolver>()
            .ResolveAsync(http.Request.Cookies, billId, cancellationToken).ConfigureAwait(false);
        if (member is null) return new(bill, null, ApiError.NoSession());
        if (facilitatorOnly && !member.IsFacilitator)
        {
            return new(bill, member, ApiError.Forbidden("Only the bill's facilitators manage invite links."));
        }
        return new(bill, member, null);
    }
}
