using System.Diagnostics;
using Npgsql;

namespace VoServices.Storage.Postgres.Tests;

/// <summary>Connections for the query executor: reader role, read-only transactions, statement timeout.</summary>
public sealed class ReadOnlyConnectionTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [SkippableFact]
    public async Task OpenReadOnlyConnectionAsync_PublishedTables_AreReadable()
    {
        var (db, store) = await IngestedAsync();
        await using (store)
        {
            await using var connection = await store.OpenReadOnlyConnectionAsync(CancellationToken.None);

            var row = (await Db.QueryAsync(connection,
                "SELECT current_user, (SELECT count(*) FROM tycho2.main), " +
                "(SELECT count(*) FROM \"TAP_SCHEMA\".columns WHERE table_name = 'tycho2.main'), " +
                "current_setting('transaction_read_only')")).Single();

            Assert.Equal(new object?[] { "voservices_reader", 84L, 9L, "on" }, row);
        }
    }

    [SkippableTheory]
    [InlineData("INSERT INTO tycho2.main (tyc) VALUES ('1-1-1')")]
    [InlineData("UPDATE \"TAP_SCHEMA\".tables SET description = 'x'")]
    [InlineData("CREATE TABLE public.scratch (x integer)")]
    [InlineData("CREATE TEMP TABLE scratch (x integer)")]
    [InlineData("DROP TABLE tycho2.main")]
    public async Task OpenReadOnlyConnectionAsync_Write_IsRefusedAsReadOnly(string sql)
    {
        var (db, store) = await IngestedAsync();
        await using (store)
        {
            await using var connection = await store.OpenReadOnlyConnectionAsync(CancellationToken.None);

            var e = await Assert.ThrowsAsync<PostgresException>(() => Db.QueryAsync(connection, sql));

            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, e.SqlState);
        }
        Assert.Equal(84L, await Db.ScalarAsync(db, "SELECT count(*) FROM tycho2.main"));
    }

    [SkippableTheory]
    [InlineData("INSERT INTO tycho2.main (tyc) VALUES ('1-1-1')")]
    [InlineData("DELETE FROM \"TAP_SCHEMA\".columns")]
    [InlineData("CREATE TABLE public.scratch (x integer)")]
    [InlineData("CREATE TABLE tycho2.scratch (x integer)")]
    [InlineData("DROP TABLE tycho2.main")]
    public async Task OpenReadOnlyConnectionAsync_WriteInReadWriteTransaction_IsRefusedByTheRole(string sql)
    {
        var (db, store) = await IngestedAsync();
        await using (store)
        {
            await using var connection = await store.OpenReadOnlyConnectionAsync(CancellationToken.None);
            // Second line of defence: even if the read-only default were lifted, the role owns and may write nothing.
            await Db.QueryAsync(connection, "SET default_transaction_read_only = off");

            var e = await Assert.ThrowsAsync<PostgresException>(() => Db.QueryAsync(connection, sql));

            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }
        Assert.Equal(84L, await Db.ScalarAsync(db, "SELECT count(*) FROM tycho2.main"));
    }

    [SkippableTheory]
    [InlineData("SELECT * FROM voservices.published_tables")]
    [InlineData("SELECT * FROM secret.data")]
    [InlineData("SELECT * FROM public.unpublished")]
    public async Task OpenReadOnlyConnectionAsync_UnpublishedTable_IsNotReadable(string sql)
    {
        var (db, store) = await IngestedAsync();
        await using (store)
        {
            await Db.QueryAsync(db, "CREATE SCHEMA secret; CREATE TABLE secret.data AS SELECT 1 AS x; " +
                "CREATE TABLE public.unpublished AS SELECT 1 AS x");
            await using var connection = await store.OpenReadOnlyConnectionAsync(CancellationToken.None);

            var e = await Assert.ThrowsAsync<PostgresException>(() => Db.QueryAsync(connection, sql));

            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }
    }

    [SkippableFact]
    public async Task OpenReadOnlyConnectionAsync_StatementLongerThanTimeout_IsCancelled()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db,
            new PostgresCatalogStoreOptions { StatementTimeout = TimeSpan.FromSeconds(1) });
        await using var connection = await store.OpenReadOnlyConnectionAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<PostgresException>(() => Db.QueryAsync(connection, "SELECT pg_sleep(5)"));

        Assert.Equal(PostgresErrorCodes.QueryCanceled, e.SqlState);
        Assert.Contains("statement timeout", e.MessageText, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        // The connection stays usable for the next statement.
        Assert.Equal(1, (await Db.QueryAsync(connection, "SELECT 1")).Single()[0]);
    }

    [SkippableFact]
    public async Task OpenReadOnlyConnectionAsync_ReturnedToPool_DoesNotLeakIntoOwnerConnections()
    {
        var (db, store) = await IngestedAsync();
        await using (store)
        {
            await using (var reader = await store.OpenReadOnlyConnectionAsync(CancellationToken.None))
            {
                await Db.QueryAsync(reader, "SELECT 1");
            }

            await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("tuc47"));

            Assert.Equal(131L, await Db.ScalarAsync(db, "SELECT count(*) FROM tycho2.main"));
            await using var again = await store.OpenReadOnlyConnectionAsync(CancellationToken.None);
            Assert.Equal(131L, (await Db.QueryAsync(again, "SELECT count(*) FROM tycho2.main")).Single()[0]);
        }
    }

    [SkippableFact]
    public async Task OpenReadOnlyConnectionAsync_ZeroTimeout_IsRejected()
    {
        var db = await server.NewDatabaseAsync();
        await using var store = new PostgresCatalogStore(db);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            store.OpenReadOnlyConnectionAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private async Task<(string Db, PostgresCatalogStore Store)> IngestedAsync()
    {
        var db = await server.NewDatabaseAsync();
        var store = new PostgresCatalogStore(db);
        await Db.IngestAsync(store, "tycho2", Db.Tycho2Field("ngc1316"));
        return (db, store);
    }
}
