using Npgsql;
using NpgsqlTypes;
using VoServices.Uws.Jobs;

namespace VoServices.Storage.Postgres.Uws;

/// <summary>
/// The production <see cref="IJobStore"/> (ADR 0001): one table <c>voservices.uws_job</c> in the store's private
/// schema, one row per job; parameters and results as <c>jsonb</c> arrays, times as <c>timestamptz</c> (UTC). Every
/// state change is one conditional statement: <see cref="TryUpdateAsync"/> is a compare-and-set on <c>revision</c>;
/// <see cref="TryClaimAsync"/> picks the oldest QUEUED row with <c>FOR UPDATE SKIP LOCKED</c> and updates it in the
/// same statement, so concurrent claimers (threads, processes, hosts) never block on each other and never get the
/// same job. Several service instances may share the database. Thread-safe; connections are pooled.
/// </summary>
/// <remarks>
/// PostgreSQL text cannot hold U+0000: a job whose strings contain it is rejected with
/// <see cref="ArgumentException"/> (the SQLite store would accept it). Database failures surface as
/// <see cref="NpgsqlException"/>.
/// </remarks>
public sealed class PostgresJobStore : IJobStore, IAsyncDisposable, IDisposable
{
    private static readonly string Table = PostgresJobSchema.Table;
    private static readonly string Columns = PostgresJobSchema.Columns;

    private readonly NpgsqlDataSource dataSource;
    private readonly JobStoreInitialization initialization = new();

    /// <summary>
    /// Creates a store over the database named by <paramref name="connectionString"/> (an Npgsql connection string;
    /// the user needs CREATE on the database unless <c>voservices.uws_job</c> exists). It may be the catalogue
    /// database. No I/O happens until the first call.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is blank or invalid.</exception>
    public PostgresJobStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName ??= "voservices (uws)";
        Database = builder.Database ?? builder.Username ?? "";
        dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Name of the database (for messages).</summary>
    public string Database { get; }

    /// <inheritdoc/>
    /// <remarks>
    /// Creates the schema <c>voservices</c>, the table and its indexes when missing, in one transaction under the
    /// store's advisory lock, so several processes may start together. Called implicitly by the other members.
    /// </remarks>
    /// <exception cref="NpgsqlException">The database is unreachable or refused a statement.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        initialization.EnsureAsync(CreateSchemaAsync, cancellationToken);

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", StoreSchema.CatalogLock);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var command = new NpgsqlCommand(PostgresJobSchema.CreateStatements(), connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A string of the job contains U+0000.</exception>
    public async Task CreateAsync(UwsJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var command = await CommandAsync($"INSERT INTO {Table} ({Columns}) VALUES (@job_id, @job_list, " +
            "@run_id, @owner_id, @phase, @quote, @creation_time, @start_time, @end_time, @execution_duration, " +
            "@destruction, @parameters, @results, @error_message, @error_type, @revision)", cancellationToken)
            .ConfigureAwait(false);
        Bind(command, job);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"A UWS job with id '{job.JobId}' already exists.", e);
        }
    }

    /// <inheritdoc/>
    public async Task<UwsJob?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var command = await CommandAsync($"SELECT {Columns} FROM {Table} WHERE job_id = @job_id",
            cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(Text("job_id", jobId));
        return await ReadJobAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<UwsJobSummary>> ListAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        // UWS 1.1 §2.2.1.1: ARCHIVED jobs are listed only when asked for by PHASE.
        var phases = query.Phases.Count == 0
            ? "phase <> 'ARCHIVED'"
            : "phase = ANY(@phases)";
        var owner = query.OwnerId is null ? "owner_id IS NULL" : "owner_id = @owner";
        var after = query.After is null ? "" : " AND creation_time > @after";
        await using var command = await CommandAsync("SELECT job_id, phase, run_id, owner_id, creation_time " +
            $"FROM {Table} WHERE job_list = @list AND {owner} AND {phases}{after} " +
            "ORDER BY creation_time DESC, job_id DESC LIMIT @last", cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(Text("list", query.JobList));
        if (query.OwnerId is not null)
        {
            command.Parameters.Add(Text("owner", query.OwnerId));
        }
        if (query.Phases.Count > 0)
        {
            command.Parameters.Add(new NpgsqlParameter("phases", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = query.Phases.Distinct().Select(p => p.ToUwsName()).ToArray(),
            });
        }
        if (query.After is not null)
        {
            command.Parameters.Add(Time("after", query.After));
        }
        // LIMIT NULL is no limit.
        command.Parameters.Add(new NpgsqlParameter("last", NpgsqlDbType.Integer)
        {
            Value = query.Last is { } last ? Math.Max(0, last) : DBNull.Value,
        });
        var jobs = new List<UwsJobSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            jobs.Add(new UwsJobSummary(reader.GetString(0), ExecutionPhases.Parse(reader.GetString(1)),
                NullableString(reader, 2), NullableString(reader, 3), reader.GetFieldValue<DateTime>(4)));
        }
        return jobs;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A string of the job contains U+0000.</exception>
    public async Task<UwsJob?> TryUpdateAsync(UwsJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        // job_list, runner_id and lease_expires are left alone: the list never changes, the lease is the store's.
        await using var command = await CommandAsync($"UPDATE {Table} SET run_id = @run_id, owner_id = @owner_id, " +
            "phase = @phase, quote = @quote, creation_time = @creation_time, start_time = @start_time, " +
            "end_time = @end_time, execution_duration = @execution_duration, destruction = @destruction, " +
            "parameters = @parameters, results = @results, error_message = @error_message, " +
            "error_type = @error_type, revision = revision + 1 " +
            $"WHERE job_id = @job_id AND revision = @revision RETURNING {Columns}", cancellationToken)
            .ConfigureAwait(false);
        Bind(command, job);
        return await ReadJobAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        await using var command = await CommandAsync($"DELETE FROM {Table} WHERE job_id = @job_id", cancellationToken)
            .ConfigureAwait(false);
        command.Parameters.Add(Text("job_id", jobId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One statement: a materialised sub-select locks the oldest QUEUED row of the lists, skipping rows other claimers
    /// have locked (<c>FOR UPDATE SKIP LOCKED</c>), and the update takes it. The outer <c>phase = 'QUEUED'</c> re-check
    /// makes a row changed meanwhile (e.g. aborted) a no-op.
    /// </remarks>
    public async Task<UwsJob?> TryClaimAsync(IReadOnlyCollection<string> jobLists, JobLease lease,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobLists);
        ArgumentNullException.ThrowIfNull(lease);
        if (jobLists.Count == 0)
        {
            return null;
        }
        var columns = string.Join(", ", Columns.Split(", ").Select(c => "j." + c));
        // MATERIALIZED: the pick must run exactly once. As a sub-select in FROM, the planner may rescan it for every
        // row of the join, and each rescan skips the row this statement has just locked and picks the next one:
        // one call would then claim every queued job.
        await using var command = await CommandAsync("WITH next AS MATERIALIZED (SELECT job_id FROM " +
            $"{Table} WHERE phase = 'QUEUED' AND job_list = ANY(@lists) ORDER BY creation_time, job_id LIMIT 1 " +
            $"FOR UPDATE SKIP LOCKED) UPDATE {Table} AS j SET phase = 'EXECUTING', start_time = @now, " +
            "revision = j.revision + 1, runner_id = @runner, lease_expires = @expires FROM next " +
            $"WHERE j.job_id = next.job_id AND j.phase = 'QUEUED' RETURNING {columns}", cancellationToken)
            .ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter("lists", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = jobLists.ToArray(),
        });
        command.Parameters.Add(Time("now", lease.Now));
        command.Parameters.Add(Text("runner", lease.RunnerId));
        command.Parameters.Add(Time("expires", lease.ExpiresAt));
        return await ReadJobAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> RenewLeaseAsync(string jobId, JobLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        ArgumentNullException.ThrowIfNull(lease);
        await using var command = await CommandAsync($"UPDATE {Table} SET lease_expires = @expires " +
            "WHERE job_id = @job_id AND phase = 'EXECUTING' AND runner_id = @runner", cancellationToken)
            .ConfigureAwait(false);
        command.Parameters.Add(Text("job_id", jobId));
        command.Parameters.Add(Text("runner", lease.RunnerId));
        command.Parameters.Add(Time("expires", lease.ExpiresAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    /// <remarks>An EXECUTING job without a lease (set EXECUTING by an update, never claimed) counts as expired.</remarks>
    /// <exception cref="ArgumentException">The error message contains U+0000.</exception>
    public async Task<IReadOnlyList<string>> FailExpiredLeasesAsync(DateTime now, UwsErrorSummary error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var command = await CommandAsync($"UPDATE {Table} SET phase = 'ERROR', end_time = @now, " +
            "error_message = @error_message, error_type = @error_type, revision = revision + 1 " +
            "WHERE phase = 'EXECUTING' AND (lease_expires IS NULL OR lease_expires < @now) RETURNING job_id",
            cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(Time("now", now));
        command.Parameters.Add(Text("error_message", error.Message));
        command.Parameters.Add(Text("error_type", ErrorTypeName(error.Type)));
        return await ReadIdsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListDestructibleAsync(DateTime now, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync($"SELECT job_id FROM {Table} " +
            "WHERE destruction IS NOT NULL AND destruction <= @now ORDER BY destruction, job_id LIMIT @limit",
            cancellationToken).ConfigureAwait(false);
        command.Parameters.Add(Time("now", now));
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = Math.Max(0, limit) });
        return await ReadIdsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync().ConfigureAwait(false);
        initialization.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        dataSource.Dispose();
        initialization.Dispose();
    }

    /// <summary>A command on a pooled connection that is released when the command (or its reader) is disposed.</summary>
    private async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        return dataSource.CreateCommand(sql);
    }

    private static void Bind(NpgsqlCommand command, UwsJob job)
    {
        ArgumentNullException.ThrowIfNull(job.JobId);
        ArgumentNullException.ThrowIfNull(job.JobList);
        RejectNulInLists(job);
        var p = command.Parameters;
        p.Add(Text("job_id", job.JobId));
        p.Add(Text("job_list", job.JobList));
        p.Add(Text("run_id", job.RunId));
        p.Add(Text("owner_id", job.OwnerId));
        p.Add(Text("phase", job.Phase.ToUwsName()));
        p.Add(Time("quote", job.Quote));
        p.Add(Time("creation_time", job.CreationTime));
        p.Add(Time("start_time", job.StartTime));
        p.Add(Time("end_time", job.EndTime));
        p.Add(new NpgsqlParameter("execution_duration", NpgsqlDbType.Integer) { Value = job.ExecutionDuration });
        p.Add(Time("destruction", job.Destruction));
        p.Add(Json("parameters", UwsJobJson.Parameters(job.Parameters)));
        p.Add(Json("results", UwsJobJson.Results(job.Results)));
        p.Add(Text("error_message", job.ErrorSummary?.Message));
        p.Add(Text("error_type", job.ErrorSummary is { } e ? ErrorTypeName(e.Type) : null));
        p.Add(new NpgsqlParameter("revision", NpgsqlDbType.Bigint) { Value = job.Revision });
    }

    private static async Task<UwsJob?> ReadJobAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var error = reader.IsDBNull(13) ? null : new UwsErrorSummary(reader.GetString(13),
            NullableString(reader, 14) == "transient" ? UwsErrorType.Transient : UwsErrorType.Fatal);
        return UwsJobRow.Read(reader, static (r, i) => r.GetFieldValue<DateTime>(i), error, reader.GetInt64(15));
    }

    private static async Task<IReadOnlyList<string>> ReadIdsAsync(NpgsqlCommand command,
        CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static string ErrorTypeName(UwsErrorType type) => type == UwsErrorType.Transient ? "transient" : "fatal";

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)NoNul(name, value) ?? DBNull.Value };

    private static NpgsqlParameter Json(string name, string json) => new(name, NpgsqlDbType.Jsonb) { Value = json };

    /// <summary>
    /// A <c>timestamptz</c> parameter. Npgsql writes only UTC <see cref="DateTime"/>s to it: local times are
    /// converted, unspecified ones taken as UTC (as the SQLite store does).
    /// </summary>
    private static NpgsqlParameter Time(string name, DateTime? value) =>
        new(name, NpgsqlDbType.TimestampTz)
        {
            Value = value is not { } v ? DBNull.Value
                : v.Kind switch
                {
                    DateTimeKind.Utc => v,
                    DateTimeKind.Local => v.ToUniversalTime(),
                    _ => DateTime.SpecifyKind(v, DateTimeKind.Utc),
                },
        };

    /// <summary>
    /// PostgreSQL text and jsonb cannot hold U+0000 (jsonb rejects the escape <c>\u0000</c> too): reject it with a
    /// clear message instead of a server error.
    /// </summary>
    private static string? NoNul(string name, string? value) =>
        value is not null && value.Contains('\0', StringComparison.Ordinal)
            ? throw new ArgumentException($"UWS job field '{name}' contains the NUL character (U+0000), which " +
                "PostgreSQL cannot store.", name)
            : value;

    /// <summary>Checks the strings that go into the jsonb columns (the other columns are checked by <see cref="Text"/>).</summary>
    private static void RejectNulInLists(UwsJob job)
    {
        foreach (var parameter in job.Parameters)
        {
            NoNul("parameters", parameter.Name);
            NoNul("parameters", parameter.Value);
        }
        foreach (var result in job.Results)
        {
            NoNul("results", result.Id);
            NoNul("results", result.MimeType);
            NoNul("results", result.FileName);
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => UwsJobRow.NullableString(reader, ordinal);
}
