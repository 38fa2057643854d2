using System.Runtime.CompilerServices;

// The query tests check the session's read-only guarantees on its own connection (PostgresQuerySession.Connection).
[assembly: InternalsVisibleTo("VoServices.Storage.Postgres.Tests")]
