using Npgsql;

namespace VetOS.Infrastructure.Database;

public static class VetOSDataSource
{
    /// <summary>
    /// A data source with automatic preparation on, unless the connection string says otherwise: the event
    /// store's statements are then planned once per connection instead of on every call.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
        return builder.Build();
    }
}
