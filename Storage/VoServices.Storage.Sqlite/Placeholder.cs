namespace VoServices.Storage.Sqlite;
internal static class Placeholder;
