using System.Data;
using System.Data.Common;

namespace ParisCoDraft.Storage.Sql;

/// <summary>
/// Binds <c>@name</c> parameters the same way on both engines. Every parameter carries its <see cref="DbType"/>,
/// nulls included, so PostgreSQL never has to guess a null's type (Microsoft.Data.Sqlite maps the same
/// types to its own). Times go in as Unix milliseconds.
/// </summary>
internal static class SqlParameters
{
    public static DbCommand With(this DbCommand cmd, string name, string? value) => cmd.With(name, DbType.String, value);

    public static DbCommand With(this DbCommand cmd, string name, long value) => cmd.With(name, DbType.Int64, value);

    public static DbCommand With(this DbCommand cmd, string name, int value) => cmd.With(name, DbType.Int32, value);

    public static DbCommand With(this DbCommand cmd, string name, bool value) => cmd.With(name, DbType.Boolean, value);

    public static DbCommand With(this DbCommand cmd, string name, byte[]? value) => cmd.With(name, DbType.Binary, value);

    public static DbCommand With(this DbCommand cmd, string name, DateTimeOffset value) =>
        cmd.With(name, DbType.Int64, StoreRows.ToUnixMs(value));

    public static DbCommand With(this DbCommand cmd, string name, DateTimeOffset? value) =>
        cmd.With(name, DbType.Int64, value is { } v ? StoreRows.ToUnixMs(v) : null);

    /// <summary>A parameter whose value is set later, for a statement run once per item.</summary>
    public static DbParameter Slot(this DbCommand cmd, string name, DbType type)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.DbType = type;
        cmd.Parameters.Add(p);
        return p;
    }

    private static DbCommand With(this DbCommand cmd, string name, DbType type, object? value)
    {
        cmd.Slot(name, type).Value = value ?? DBNull.Value;
        return cmd;
    }
}
