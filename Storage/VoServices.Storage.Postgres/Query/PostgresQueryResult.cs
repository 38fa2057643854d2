using Npgsql;
using VoServices.Adql.Translation;
using VoServices.Tap.Query;
using VoServices.Tap.Results;

namespace VoServices.Storage.Postgres.Query;

/// <summary>The rows of one PostgreSQL statement (streamed by Npgsql), converted for the result writers.</summary>
internal sealed class PostgresQueryResult : IQueryResult
{
    private readonly NpgsqlCommand command;
    private readonly NpgsqlDataReader reader;
    private readonly TimeSpan timeout;
    private readonly long? rowLimit;
    private readonly ResultCellConverter[] converters;
    private long rowsRead;
    private bool finished;
    private bool disposed;

    private PostgresQueryResult(NpgsqlCommand command, NpgsqlDataReader reader, TimeSpan timeout, long? rowLimit,
        IReadOnlyList<ResultColumn> columns, string sql)
    {
        this.command = command;
        this.reader = reader;
        this.timeout = timeout;
        this.rowLimit = rowLimit;
        Columns = columns;
        Sql = sql;
        converters = [.. columns.Select(ResultCellConverter.For)];
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public string Sql { get; }

    /// <summary>Starts the statement; positional parameters are bound in order (<see cref="SqlParameter.Ordinal"/>).</summary>
    public static async Task<PostgresQueryResult> StartAsync(NpgsqlConnection connection, SqlStatement statement,
        long? rowLimit, IReadOnlyList<ResultColumn> columns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(statement.Sql, connection)
        {
            // statement_timeout (set on the connection) is the limit; the client-side timeout only backs it up.
            CommandTimeout = (int)Math.Min(int.MaxValue, Math.Ceiling(timeout.TotalSeconds) + 30),
        };
        foreach (var parameter in statement.Parameters.OrderBy(p => p.Ordinal))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value });
        }
        try
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresQueryResult(command, reader, timeout, rowLimit, columns, statement.Sql);
        }
        catch (NpgsqlException e)
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw PostgresQueryErrors.Map(e, timeout, cancellationToken);
        }
        catch
        {
            await command.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<bool> ReadAsync(object?[] row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                finished = true;
                return false;
            }
            rowsRead++;
            for (var i = 0; i < converters.Length; i++)
            {
                row[i] = converters[i].Convert(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }
            return true;
        }
        catch (NpgsqlException e)
        {
            throw PostgresQueryErrors.Map(e, timeout, cancellationToken);
        }
        catch (FormatException e)
        {
            throw QueryBackendException.Failed(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        try
        {
            // Closing a reader with unread rows drains them: when the client left early (rows remain below the
            // limit), cancel the statement instead of reading what nobody will see.
            if (!reader.IsClosed && !finished && (rowLimit is null || rowsRead < rowLimit))
            {
                command.Cancel();
            }
            await reader.DisposeAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The cancelled statement reports 57014 when the reader closes; nothing to do.
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
    }
}
