using System.Globalization;
using Microsoft.Data.Sqlite;
using VoServices.Uws.Jobs;

namespace VoServices.Storage.Sqlite.Uws;

/// <summary>
/// The embedded <see cref="IJobStore"/>: one SQLite table <c>uws_job</c>, one row per job, parameters, results and
/// error summary as JSON columns, times as Unix milliseconds (UTC). Every state change is a single conditional
/// <c>UPDATE</c> (compare-and-set on <c>revision</c>, or on <c>phase</c> for claims), which SQLite executes under its
/// database write lock, so several processes sharing the file never claim one job twice. The database uses WAL, and
/// waits up to 60 s for a busy database. Thread-safe; connections are pooled.
/// </summary>
public sealed class SqliteJobStore : IJobStore
{
    private const string Columns = "job_id, job_list, run_id, owner_id, phase, quote, creation_time, start_time, " +
        "end_time, execution_duration, destruction, parameters, results, error_summary, revision";

    private readonly JobStoreInitialization initialization = new();

    /// <summary>
    /// Creates a store over the database file <paramref name="databasePath"/> (created with its folder on first use).
    /// The file may be the catalogue database or a separate one; the store only touches its own table.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="databasePath"/> is null or blank.</exception>
    public SqliteJobStore(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>Absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The connection string used.</summary>
    public string ConnectionString { get; }

    /// <inheritdoc/>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        initialization.EnsureAsync(_ =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            using var connection = OpenRaw();
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, SqliteJobSchema.Create);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <inheritdoc/>
    public async Task CreateAsync(UwsJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO uws_job ({Columns}) VALUES (@job_id, @job_list, @run_id, @owner_id, " +
            "@phase, @quote, @creation_time, @start_time, @end_time, @execution_duration, @destruction, @parameters, " +
            "@results, @error_summary, @revision)";
        Bind(command, job);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19) // SQLITE_CONSTRAINT: the primary key exists
        {
            throw new InvalidOperationException($"A UWS job with id '{job.JobId}' already exists.", e);
        }
    }

    /// <inheritdoc/>
    public async Task<UwsJob?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM uws_job WHERE job_id = @job_id";
        command.Parameters.AddWithValue("@job_id", jobId);
        return await ReadJobAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<UwsJobSummary>> ListAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var sql = new System.Text.StringBuilder(
            "SELECT job_id, phase, run_id, owner_id, creation_time FROM uws_job WHERE job_list = @list AND owner_id IS @owner");
        command.Parameters.AddWithValue("@list", query.JobList);
        command.Parameters.AddWithValue("@owner", (object?)query.OwnerId ?? DBNull.Value);
        if (query.Phases.Count == 0)
        {
            sql.Append(" AND phase <> 'ARCHIVED'"); // UWS 1.1 §2.2.1.1: archived jobs only when asked for
        }
        else
        {
            var names = query.Phases.Distinct().Select((p, i) => (Name: "@p" + i.ToString(CultureInfo.InvariantCulture), p));
            sql.Append(" AND phase IN (").AppendJoin(", ", names.Select(n => n.Name)).Append(')');
            foreach (var (name, phase) in names)
            {
                command.Parameters.AddWithValue(name, phase.ToUwsName());
            }
        }
        if (query.After is { } after)
        {
            sql.Append(" AND creation_time > @after");
            command.Parameters.AddWithValue("@after", Millis(after));
        }
        sql.Append(" ORDER BY creation_time DESC, job_id DESC LIMIT @last");
        command.Parameters.AddWithValue("@last", query.Last is { } last ? Math.Max(0, last) : -1);
        command.CommandText = sql.ToString();
        var jobs = new List<UwsJobSummary>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(new UwsJobSummary(reader.GetString(0), ExecutionPhases.Parse(reader.GetString(1)),
                NullableString(reader, 2), NullableString(reader, 3), FromMillis(reader.GetInt64(4))));
        }
        return jobs;
    }

    /// <inheritdoc/>
    public async Task<UwsJob?> TryUpdateAsync(UwsJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE uws_job SET run_id = @run_id, owner_id = @owner_id, phase = @phase, " +
            "quote = @quote, creation_time = @creation_time, start_time = @start_time, end_time = @end_time, " +
            "execution_duration = @execution_duration, destruction = @destruction, parameters = @parameters, " +
            "results = @results, error_summary = @error_summary, revision = revision + 1 " +
            "WHERE job_id = @job_id AND revision = @revision";
        Bind(command, job);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return changed == 1 ? job with { Revision = job.Revision + 1 } : null;
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM uws_job WHERE job_id = @job_id";
        command.Parameters.AddWithValue("@job_id", jobId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<UwsJob?> TryClaimAsync(IReadOnlyCollection<string> jobLists, JobLease lease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobLists);
        ArgumentNullException.ThrowIfNull(lease);
        if (jobLists.Count == 0)
        {
            return null;
        }
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        var lists = jobLists.Select((l, i) => (Name: "@l" + i.ToString(CultureInfo.InvariantCulture), l)).ToList();
        foreach (var (name, list) in lists)
        {
            command.Parameters.AddWithValue(name, list);
        }
        // One statement = one write transaction: the sub-select and the phase check cannot interleave with another
        // claimer, and the phase condition makes a lost race a no-op.
        command.CommandText = "UPDATE uws_job SET phase = 'EXECUTING', start_time = @now, revision = revision + 1, " +
            "runner_id = @runner, lease_expires = @expires WHERE phase = 'QUEUED' AND job_id = (SELECT job_id FROM uws_job " +
            $"WHERE phase = 'QUEUED' AND job_list IN ({string.Join(", ", lists.Select(l => l.Name))}) " +
            $"ORDER BY creation_time, job_id LIMIT 1) RETURNING {Columns}";
        command.Parameters.AddWithValue("@now", Millis(lease.Now));
        command.Parameters.AddWithValue("@runner", lease.RunnerId);
        command.Parameters.AddWithValue("@expires", Millis(lease.ExpiresAt));
        return await ReadJobAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> RenewLeaseAsync(string jobId, JobLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        ArgumentNullException.ThrowIfNull(lease);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE uws_job SET lease_expires = @expires " +
            "WHERE job_id = @job_id AND phase = 'EXECUTING' AND runner_id = @runner";
        command.Parameters.AddWithValue("@job_id", jobId);
        command.Parameters.AddWithValue("@runner", lease.RunnerId);
        command.Parameters.AddWithValue("@expires", Millis(lease.ExpiresAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> FailExpiredLeasesAsync(DateTime now, UwsErrorSummary error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE uws_job SET phase = 'ERROR', end_time = @now, error_summary = @error, " +
            "revision = revision + 1 WHERE phase = 'EXECUTING' AND (lease_expires IS NULL OR lease_expires < @now) " +
            "RETURNING job_id";
        command.Parameters.AddWithValue("@now", Millis(now));
        command.Parameters.AddWithValue("@error", UwsJobJson.Error(error));
        return await ReadIdsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListDestructibleAsync(DateTime now, int limit,
        CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT job_id FROM uws_job WHERE destruction IS NOT NULL AND destruction <= @now " +
            "ORDER BY destruction LIMIT @limit";
        command.Parameters.AddWithValue("@now", Millis(now));
        command.Parameters.AddWithValue("@limit", Math.Max(0, limit));
        return await ReadIdsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, UwsJob job)
    {
        var p = command.Parameters;
        p.AddWithValue("@job_id", job.JobId);
        p.AddWithValue("@job_list", job.JobList);
        p.AddWithValue("@run_id", (object?)job.RunId ?? DBNull.Value);
        p.AddWithValue("@owner_id", (object?)job.OwnerId ?? DBNull.Value);
        p.AddWithValue("@phase", job.Phase.ToUwsName());
        p.AddWithValue("@quote", NullableMillis(job.Quote));
        p.AddWithValue("@creation_time", Millis(job.CreationTime));
        p.AddWithValue("@start_time", NullableMillis(job.StartTime));
        p.AddWithValue("@end_time", NullableMillis(job.EndTime));
        p.AddWithValue("@execution_duration", job.ExecutionDuration);
        p.AddWithValue("@destruction", NullableMillis(job.Destruction));
        p.AddWithValue("@parameters", UwsJobJson.Parameters(job.Parameters));
        p.AddWithValue("@results", UwsJobJson.Results(job.Results));
        p.AddWithValue("@error_summary", job.ErrorSummary is { } e ? UwsJobJson.Error(e) : DBNull.Value);
        p.AddWithValue("@revision", job.Revision);
    }

    private static async Task<UwsJob?> ReadJobAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var error = reader.IsDBNull(13) ? null : UwsJobJson.ReadError(reader.GetString(13));
        return UwsJobRow.Read(reader, static (r, i) => FromMillis(r.GetInt64(i)), error, reader.GetInt64(14));
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(SqliteCommand command,
        CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => UwsJobRow.NullableString(reader, ordinal);

    private static object NullableMillis(DateTime? value) => value is { } v ? Millis(v) : DBNull.Value;

    private static long Millis(DateTime value) =>
        new DateTimeOffset(DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value,
            DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static DateTime FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime;
}
