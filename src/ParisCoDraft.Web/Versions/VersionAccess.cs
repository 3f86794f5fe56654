using ParisCoDraft.Storage;
using ParisCoDraft.Web.Api;
using ParisCoDraft.Web.Auth;

namespace ParisCoDraft.Web.Versions;

/// <summary>Who may do what with workshops, versions, ideas, exports and follow-up.</summary>
internal static class VersionAccess
{
    /// <summary>What an endpoint needs of the caller's role.</summary>
    public enum Need
    {
        /// <summary>Any member, observers included.</summary>
        Read,

        /// <summary>A facilitator.</summary>
        Facilitate,

        /// <summary>A clerk or a facilitator (exports, follow-up).</summary>
        Clerk,
    }

    public static async Task<BillAccess.Outcome> CheckAsync(HttpContext http, string billId, Need need, CancellationToken ct)
    {
        var access = await BillAccess.CheckAsync(http, billId, facilitatorOnly: false, ct).ConfigureAwait(false);
        if (access.Error is not null) return access;
        var member = access.Member!;
        return need switch
        {
            Need.Facilitate when !member.IsFacilitator =>
                access with { Error = ApiError.Forbidden("Only the bill's facilitators run workshops, take versions and place ideas.") },
            Need.Clerk when !member.IsFacilitator && member.Role != Drafting.Bills.Role.Clerk =>
                access with { Error = ApiError.Forbidden("Only clerks and facilitators export the text and keep the follow-up.") },
            _ => access,
        };
    }

    /// <summary>The store's versions side, or an error when this store has none.</summary>
    public static IVersionStore Store(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDraftingStore>() as IVersionStore
        ?? throw new InvalidOperationException("This store keeps no workshops or versions.");

}
