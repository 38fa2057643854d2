namespace VoServices.Storage.Postgres.Uws;

/// <summary>
/// The UWS job table <c>voservices.uws_job</c> in the store's private schema (never granted to the ADQL reader role,
/// so jobs cannot be queried through TAP). Created idempotently; callers hold <see cref="StoreSchema.CatalogLock"/>,
/// which also serialises the catalogue store's <c>CREATE SCHEMA voservices</c>.
/// </summary>
internal static class PostgresJobSchema
{
    /// <summary>The qualified, quoted table name.</summary>
    public static readonly string Table = PostgresNames.Quote(StoreSchema.Name) + ".\"uws_job\"";

    /// <summary>The columns of a whole job, in the order <see cref="PostgresJobStore"/> reads them.</summary>
    public const string Columns = "job_id, job_list, run_id, owner_id, phase, quote, creation_time, start_time, " +
        "end_time, execution_duration, destruction, parameters, results, error_message, error_type, revision";

    /// <summary>
    /// One row per job. Times are <c>timestamptz</c> (UTC, microseconds). <c>phase</c> holds the UWS wire name
    /// (<c>EXECUTING</c>). <c>parameters</c> and <c>results</c> are <c>jsonb</c> arrays in job order (see
    /// <see cref="VoServices.Uws.Jobs.UwsJobJson"/>); the error summary is two columns (message, <c>fatal</c>|<c>transient</c>).
    /// <c>runner_id</c> and <c>lease_expires</c> are the execution lease, meaningful only while EXECUTING. The partial
    /// indexes serve the claim (oldest QUEUED first), the lease sweep and the destruction sweep.
    /// </summary>
    public static string CreateStatements() =>
        $"""
        CREATE SCHEMA IF NOT EXISTS {PostgresNames.Quote(StoreSchema.Name)};
        CREATE TABLE IF NOT EXISTS {Table} (
            job_id text PRIMARY KEY,
            job_list text NOT NULL,
            run_id text,
            owner_id text,
            phase text NOT NULL,
            quote timestamptz,
            creation_time timestamptz NOT NULL,
            start_time timestamptz,
            end_time timestamptz,
            execution_duration integer NOT NULL,
            destruction timestamptz,
            parameters jsonb NOT NULL CHECK (jsonb_typeof(parameters) = 'array'),
            results jsonb NOT NULL CHECK (jsonb_typeof(results) = 'array'),
            error_message text,
            error_type text CHECK (error_type IN ('fatal', 'transient')),
            revision bigint NOT NULL,
            runner_id text,
            lease_expires timestamptz);
        CREATE INDEX IF NOT EXISTS uws_job_by_list ON {Table} (job_list, owner_id, creation_time DESC, job_id DESC);
        CREATE INDEX IF NOT EXISTS uws_job_queued ON {Table} (creation_time, job_id) WHERE phase = 'QUEUED';
        CREATE INDEX IF NOT EXISTS uws_job_executing ON {Table} (lease_expires) WHERE phase = 'EXECUTING';
        CREATE INDEX IF NOT EXISTS uws_job_by_destruction ON {Table} (destruction) WHERE destruction IS NOT NULL;
        """;
}
