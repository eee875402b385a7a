namespace Cinnox.Chatbot.Rooms.PostgreSql;

/// <summary>One forward-only step of the schema: the version it brings the database to, and its SQL.</summary>
/// <param name="Version">The schema version after the step.</param>
/// <param name="Description">What the step adds.</param>
/// <param name="Sql">The statements, with <c>{0}</c> standing for the quoted schema name; run in one transaction with the version row.</param>
internal sealed record PostgreSqlMigration(int Version, string Description, string Sql);
