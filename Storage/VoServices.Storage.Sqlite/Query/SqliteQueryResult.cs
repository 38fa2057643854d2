using Microsoft.Data.Sqlite;
using VoServices.Adql.Translation;
using VoServices.Tap.Query;
using VoServices.Tap.Results;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>
/// The rows of one SQLite statement, converted for the result writers. A timer (the session's time limit) and the
/// caller's token interrupt the statement with <c>sqlite3_interrupt</c>, which makes the current step fail with
/// SQLITE_INTERRUPT; that becomes <see cref="QueryTimeoutException"/> or <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class SqliteQueryResult : IQueryResult
{
    private readonly SqliteCommand command;
    private readonly SqliteDataReader reader;
    private readonly CancellationTokenSource timer;
    private readonly CancellationTokenRegistration interruption;
    private readonly CancellationToken cancellationToken;
    private readonly TimeSpan timeout;
    private readonly ResultCellConverter[] converters;
    private bool disposed;
    private bool interrupted;

    private SqliteQueryResult(SqliteCommand command, SqliteDataReader reader, CancellationTokenSource timer,
        CancellationTokenRegistration interruption, CancellationToken cancellationToken, TimeSpan timeout,
        IReadOnlyList<ResultColumn> columns, string sql)
    {
        this.command = command;
        this.reader = reader;
        this.timer = timer;
        this.interruption = interruption;
        this.cancellationToken = cancellationToken;
        this.timeout = timeout;
        Columns = columns;
        Sql = sql;
        converters = [.. columns.Select(ResultCellConverter.For)];
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public string Sql { get; }

    /// <summary>
    /// Whether <c>sqlite3_interrupt</c> may have reached the connection (the time limit or the caller's token fired
    /// before the interruption was unregistered); final once the result is disposed.
    /// </summary>
    public bool Interrupted => interrupted || timer.IsCancellationRequested;

    /// <summary>Starts the statement (the first step runs here, so planning and early errors surface now).</summary>
    public static SqliteQueryResult Start(SqliteConnection connection, SqlStatement statement,
        IReadOnlyList<ResultColumn> columns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var handle = connection.Handle;
        var interruption = timer.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle));
        var command = connection.CreateCommand();
        try
        {
            command.CommandText = statement.Sql;
            foreach (var parameter in statement.Parameters)
            {
                command.Parameters.AddWithValue(parameter.Name, parameter.Value);
            }
            var reader = command.ExecuteReader();
            return new SqliteQueryResult(command, reader, timer, interruption, cancellationToken, timeout, columns, statement.Sql);
        }
        catch (SqliteException e)
        {
            interruption.Dispose();
            command.Dispose();
            var failure = Map(e, timer, cancellationToken, timeout);
            timer.Dispose();
            throw failure;
        }
        catch
        {
            interruption.Dispose();
            command.Dispose();
            timer.Dispose();
            throw;
        }
    }

    public ValueTask<bool> ReadAsync(object?[] row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (!reader.Read())
            {
                return ValueTask.FromResult(false);
            }
            for (var i = 0; i < converters.Length; i++)
            {
                row[i] = converters[i].Convert(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
            return ValueTask.FromResult(true);
        }
        catch (SqliteException e)
        {
            throw Map(e, timer, this.cancellationToken, timeout);
        }
        catch (FormatException e)
        {
            throw QueryBackendException.Failed(e);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            // Unregister first: an interrupt must never reach a connection that is being closed.
            interruption.Dispose();
            // After Dispose no callback can run any more (it waits for one in progress): the answer is final.
            interrupted = timer.IsCancellationRequested;
            reader.Dispose();
            command.Dispose();
            timer.Dispose();
        }
        return ValueTask.CompletedTask;
    }

    private static Exception Map(SqliteException e, CancellationTokenSource timer, CancellationToken caller, TimeSpan timeout)
    {
        if (e.SqliteErrorCode == SqliteQueryErrors.Interrupt)
        {
            if (caller.IsCancellationRequested)
            {
                return new OperationCanceledException("the query was cancelled", e, caller);
            }
            if (timer.IsCancellationRequested)
            {
                return new QueryTimeoutException(timeout, e);
            }
        }
        return SqliteQueryErrors.Map(e);
    }
}
