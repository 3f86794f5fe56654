using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ParisCoDraft.Storage.Sql;

namespace ParisCoDraft.Storage.Postgres;

public sealed partial class PostgresDraftingStore
{
    /// <summary>A stable 64-bit advisory-lock key for a bill (the same in every process).</summary>
    internal static long BillLockKey(string billId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("pariscodraft-bill:" + billId), hash);
        return BitConverter.ToInt64(hash[..8]);
    }

    // Serialises the bill's version numbering and workshop moves across processes (SQLite gets this from
    // its single writer): two numbers max+1 taken at once would collide, two workshops could both open.
    private protected override async Task LockBillVersionsAsync(DbConnection connection, DbTransaction tx, string billId, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "SELECT pg_advisory_xact_lock(@key);").With("@key", BillLockKey("versions:" + billId));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
