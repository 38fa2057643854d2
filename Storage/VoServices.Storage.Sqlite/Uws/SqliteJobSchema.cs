namespace VoServices.Storage.Sqlite.Uws;

/// <summary>The DDL of the UWS job table (idempotent).</summary>
internal static class SqliteJobSchema
{
    /// <summary>
    /// One row per job. Times are Unix milliseconds (UTC). <c>parameters</c>, <c>results</c> and
    /// <c>error_summary</c> are JSON (see <see cref="VoServices.Uws.Jobs.UwsJobJson"/>). <c>runner_id</c> and <c>lease_expires</c> are the
    /// execution lease, meaningful only while <c>phase = 'EXECUTING'</c>.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS uws_job (
            job_id TEXT NOT NULL PRIMARY KEY,
            job_list TEXT NOT NULL,
            run_id TEXT,
            owner_id TEXT,
            phase TEXT NOT NULL,
            quote INTEGER,
            creation_time INTEGER NOT NULL,
            start_time INTEGER,
            end_time INTEGER,
            execution_duration INTEGER NOT NULL,
            destruction INTEGER,
            parameters TEXT NOT NULL,
            results TEXT NOT NULL,
            error_summary TEXT,
            revision INTEGER NOT NULL,
            runner_id TEXT,
            lease_expires INTEGER
        ) STRICT;
        CREATE INDEX IF NOT EXISTS uws_job_by_list ON uws_job (job_list, owner_id, creation_time);
        CREATE INDEX IF NOT EXISTS uws_job_by_phase ON uws_job (phase, creation_time);
        CREATE INDEX IF NOT EXISTS uws_job_by_destruction ON uws_job (destruction);
        """;
}
