using System.Runtime.CompilerServices;

// The query tests check the session's read-only guarantees on its own connection (SqliteQuerySession.Connection).
[assembly: InternalsVisibleTo("VoServices.Storage.Sqlite.Tests")]
