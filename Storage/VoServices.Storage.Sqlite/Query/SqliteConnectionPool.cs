using Microsoft.Data.Sqlite;
using VoServices.Storage.Sqlite.Adql;

namespace VoServices.Storage.Sqlite.Query;

/// <summary>
/// Open read-only query connections kept between sessions, so a TAP query does not pay for opening the database file,
/// reading its schema and registering the ADQL functions (<see cref="SqliteAdqlFunctions"/>) each time. Every pooled
/// connection is opened in <c>Mode=ReadOnly</c> with <c>PRAGMA query_only = ON</c> set once and never cleared, so it
/// can never hold TEMP tables. Connections for uploads (<see cref="OpenForUploads"/>) are never pooled: closing them
/// drops their TEMP tables. At most <see cref="Capacity"/> connections wait idle; a session beyond that opens its own
/// and it is closed afterwards, so concurrency is never blocked by the pool. Thread-safe.
/// </summary>
internal sealed class SqliteConnectionPool : IDisposable
{
    private readonly string connectionString;
    private readonly Stack<SqliteConnection> idle = new();
    private bool disposed;

    /// <summary>A pool over <paramref name="connectionString"/> (read-only, unpooled by Microsoft.Data.Sqlite).</summary>
    public SqliteConnectionPool(string connectionString, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        this.connectionString = connectionString;
        Capacity = capacity;
    }

    /// <summary>Most connections kept idle.</summary>
    public int Capacity { get; }

    /// <summary>Connections idle now (for tests).</summary>
    public int IdleCount
    {
        get
        {
            lock (idle)
            {
                return idle.Count;
            }
        }
    }

    /// <summary>An idle connection (the most recently used: its page cache is warm) or a new one; query-only.</summary>
    /// <exception cref="SqliteException">The database cannot be opened.</exception>
    public SqliteConnection Rent()
    {
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (idle.TryPop(out var connection))
            {
                return connection;
            }
        }
        var opened = Open();
        try
        {
            Execute(opened, "PRAGMA query_only = ON");
            return opened;
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    /// <summary>A new connection that may create TEMP tables; the caller closes it (never <see cref="Return"/>).</summary>
    /// <exception cref="SqliteException">The database cannot be opened.</exception>
    public SqliteConnection OpenForUploads()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Open();
    }

    /// <summary>
    /// Gives back a connection from <see cref="Rent"/> whose statements are all disposed. It is kept only when it is
    /// provably as rented (<see cref="IsClean"/>) and the pool has room; otherwise it is closed.
    /// </summary>
    public void Return(SqliteConnection connection)
    {
        if (IsClean(connection))
        {
            lock (idle)
            {
                if (!disposed && idle.Count < Capacity)
                {
                    idle.Push(connection);
                    return;
                }
            }
        }
        connection.Dispose();
    }

    /// <summary>
    /// Open, no transaction left open (<c>sqlite3_get_autocommit</c>), still query-only and without any TEMP table or
    /// view: the state of a freshly rented connection. Any failure counts as not clean.
    /// </summary>
    internal static bool IsClean(SqliteConnection connection)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open
                || SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                return false;
            }
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM temp.sqlite_master) = 0 AND (SELECT query_only FROM pragma_query_only) = 1";
            return command.ExecuteScalar() is long and 1;
        }
        catch (SqliteException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Microsoft.Data.Sqlite: a data reader is still open on the connection.
            return false;
        }
    }

    /// <summary>Closes the idle connections; later returns are closed too.</summary>
    public void Dispose()
    {
        SqliteConnection[] closing;
        lock (idle)
        {
            disposed = true;
            closing = [.. idle];
            idle.Clear();
        }
        foreach (var connection in closing)
        {
            connection.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            SqliteAdqlFunctions.Register(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
