using VoServices.Storage.Sqlite.Uws;
using VoServices.Uws.Jobs;
using VoServices.Uws.Tests.Jobs;

using VoServices.Testing;

namespace VoServices.Storage.Sqlite.Tests.Uws;

/// <summary>
/// The IJobStore contract (<see cref="JobStoreContractTests"/>) on SQLite: one database file per test, a second
/// <see cref="SqliteJobStore"/> on the same file standing for another process.
/// </summary>
public sealed class SqliteJobStoreTests : JobStoreContractTests, IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    protected override Task<IJobStore> NewStoreAsync() =>
        Task.FromResult<IJobStore>(new SqliteJobStore(temp.File("jobs.db")));

    protected override IJobStore OpenAgain(IJobStore store) =>
        new SqliteJobStore(((SqliteJobStore)store).DatabasePath);
}
