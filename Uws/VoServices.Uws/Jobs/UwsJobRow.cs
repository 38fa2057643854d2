using System.Data.Common;

namespace VoServices.Uws.Jobs;

/// <summary>
/// A job read back from a store row. Every <see cref="IJobStore"/> table starts with the same columns, in this order:
/// job_id, job_list, run_id, owner_id, phase (UWS name), quote, creation_time, start_time, end_time,
/// execution_duration, destruction, parameters, results (JSON of <see cref="UwsJobJson"/>); the error summary and the
/// revision follow in a form of the store's own, as do the times' encoding.
/// </summary>
public static class UwsJobRow
{
    /// <summary>
    /// The job in columns 0–12 of the current row of <paramref name="reader"/>, with the error summary and revision the
    /// store read from its own columns. <paramref name="readTime"/> decodes a non-null time column as UTC.
    /// </summary>
    /// <exception cref="InvalidDataException">The parameters or results column holds malformed JSON.</exception>
    /// <exception cref="FormatException">The phase is not a UWS phase name.</exception>
    public static UwsJob Read(DbDataReader reader, Func<DbDataReader, int, DateTime> readTime,
        UwsErrorSummary? errorSummary, long revision)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(readTime);
        DateTime? NullableTime(int ordinal) => reader.IsDBNull(ordinal) ? null : readTime(reader, ordinal);
        return new UwsJob
        {
            JobId = reader.GetString(0),
            JobList = reader.GetString(1),
            RunId = NullableString(reader, 2),
            OwnerId = NullableString(reader, 3),
            Phase = ExecutionPhases.Parse(reader.GetString(4)),
            Quote = NullableTime(5),
            CreationTime = readTime(reader, 6),
            StartTime = NullableTime(7),
            EndTime = NullableTime(8),
            ExecutionDuration = reader.GetInt32(9),
            Destruction = NullableTime(10),
            Parameters = UwsJobJson.ReadParameters(reader.GetString(11)),
            Results = UwsJobJson.ReadResults(reader.GetString(12)),
            ErrorSummary = errorSummary,
            Revision = revision,
        };
    }

    /// <summary>The text in column <paramref name="ordinal"/>, or null for SQL NULL.</summary>
    public static string? NullableString(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
