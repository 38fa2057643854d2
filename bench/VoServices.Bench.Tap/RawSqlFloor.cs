using Microsoft.Data.Sqlite;
using Npgsql;
using VoServices.Adql.Translation;
using VoServices.Storage.Sqlite.Adql;

namespace VoServices.Bench.Tap;

/// <summary>
/// The raw-SQL floor: the SQL the server runs for an ADQL query (translated here by the same translator and schema,
/// see <see cref="DemoSchema"/>), executed directly on the server's database with the plain driver
/// (Microsoft.Data.Sqlite / Npgsql), reading every value of every row and nothing else: no HTTP, no VOTable.
/// </summary>
internal abstract class RawSqlFloor
{
    /// <summary>The floor on the embedded database file (read-only connections with the ADQL functions registered).</summary>
    public static RawSqlFloor Sqlite(string databasePath) => new SqliteFloor(databasePath);

    /// <summary>The floor on a PostgreSQL database (the bench's own role, not the server's read-only one).</summary>
    public static RawSqlFloor Postgres(string connectionString) => new PostgresFloor(connectionString);

    /// <summary>One connection for one thread.</summary>
    public abstract IFloorConnection Open();

    /// <summary>A worker's connection: runs statements to their last row.</summary>
    internal interface IFloorConnection : IDisposable
    {
        /// <summary>Runs <paramref name="statement"/>, reads every value, and returns the row count.</summary>
        long Run(SqlStatement statement);
    }

    private sealed class SqliteFloor(string databasePath) : RawSqlFloor
    {
        private readonly string connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();

        public override IFloorConnection Open()
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            SqliteAdqlFunctions.Register(connection);
            return new Connection(connection);
        }

        private sealed class Connection(SqliteConnection connection) : IFloorConnection
        {
            public long Run(SqlStatement statement)
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement.Sql;
                foreach (var parameter in statement.Parameters)
                {
                    command.Parameters.AddWithValue(parameter.Name, parameter.Value);
                }
                using var reader = command.ExecuteReader();
                return ReadAll(reader);
            }

            public void Dispose() => connection.Dispose();
        }
    }

    private sealed class PostgresFloor(string connectionString) : RawSqlFloor
    {
        public override IFloorConnection Open()
        {
            var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return new Connection(connection);
        }

        private sealed class Connection(NpgsqlConnection connection) : IFloorConnection
        {
            public long Run(SqlStatement statement)
            {
                using var command = new NpgsqlCommand(statement.Sql, connection);
                foreach (var parameter in statement.Parameters.OrderBy(p => p.Ordinal))
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value });
                }
                using var reader = command.ExecuteReader();
                return ReadAll(reader);
            }

            public void Dispose() => connection.Dispose();
        }
    }

    private static long ReadAll(System.Data.Common.DbDataReader reader)
    {
        var values = new object[reader.FieldCount];
        long rows = 0;
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }
}
