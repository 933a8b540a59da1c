using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
public sealed class DesignTimeAccountsDbContext : IDesignTimeDbContextFactory<AccountsDbContext>
{
    public AccountsDbContext CreateDbContext(string[] args) =>
        new(AccountsDbContext.Options(NpgsqlDataSource.Create("Host=localhost;Database=design_time")));
}
