using ParisCoDraft.Storage.Postgres;
using ParisCoDraft.Storage.Sqlite;
using ParisCoDraft.Storage.Tests.Support;
using ParisCoDraft.Web.Tests.Support;
using Xunit.Abstractions;

namespace ParisCoDraft.Web.Tests.Faults;

/// <summary>
/// kill -9 of the server process while 20 people type, on SQLite and on PostgreSQL: nothing acknowledged is
/// lost. Twice per engine here; <c>scripts/soak</c> runs the same tests with <c>PCD_FAULT_RUNS=10</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class KillNineTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private const int Clients = 20;
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task KillingTheServerWhileTwentyPeopleTypeOnSqliteLosesNoAcknowledgedKeystroke()
    {
        var path = _dir.File("kill.db");
        await using var server = await ServerProcess.StartAsync(TimeSpan.FromSeconds(120),
            $"--ParisCoDraft:Database={path}", "--ParisCoDraft:CompactEvery=200");
        var (figures, count) = await KillNineRun.RunAsync("kill -9 (SQLite)", server,
            () => Task.FromResult<Storage.IDraftingStore>(SqliteDraftingStore.Open(path)), FaultFigures.Repeat(2), Clients, seed: 1);
        Check(figures, count);
    }

    [Fact]
    public async Task KillingTheServerWhileTwentyPeopleTypeOnPostgresLosesNoAcknowledgedKeystroke()
    {
        var database = await postgres.CreateDatabaseAsync().Bounded(TimeSpan.FromSeconds(30));
        await using var server = await ServerProcess.StartAsync(TimeSpan.FromSeconds(120),
            $"--ParisCoDraft:Postgres={database}", "--ParisCoDraft:CompactEvery=200");
        var (figures, count) = await KillNineRun.RunAsync("kill -9 (PostgreSQL)", server,
            async () => await PostgresDraftingStore.OpenAsync(database), FaultFigures.Repeat(2), Clients, seed: 2);
        Check(figures, count);
    }

    private void Check(FaultFigures figures, FaultCount count)
    {
        figures.Report(output);
        Assert.True(figures.Acknowledged > 0, "nothing was acknowledged before the kills: the test measured nothing");
        Assert.True(figures.Lost == 0, "acknowledged but not stored: " + string.Join(", ", count.Missing));
        Assert.True(figures.Stored >= figures.Acknowledged);
        Assert.True(figures.Converged, "after the resyncs a fresh reader does not see every keystroke typed");
    }

    /// <inheritdoc />
    public void Dispose() => _dir.Dispose();
}
