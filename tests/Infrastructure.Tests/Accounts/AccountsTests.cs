using System.Buffers.Binary;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VetOS.Application.Accounts;
using VetOS.Infrastructure.Accounts;
using VetOS.Infrastructure.Database;

namespace VetOS.Infrastructure.Tests.Accounts;

public sealed class AccountsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    /// <summary>The host's clock, years away from the machine's, so a lockout timed by the machine's clock shows.</summary>
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2031, 3, 14, 10, 0, 0, TimeSpan.Zero));

    /// <summary>One instance of the portal's services, as the web host composes them.</summary>
    private ServiceProvider Instance() =>
        new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddVetOSInfrastructure(database.ConnectionString).BuildServiceProvider();

    private static async Task<(UserAccount User, UserManager<UserAccount> Users)> NewAccount(IServiceProvider services, string password = "correct horse battery staple")
    {
        var users = services.CreateScope().ServiceProvider.GetRequiredService<UserManager<UserAccount>>();
        var user = new UserAccount { Id = Guid.CreateVersion7(), UserName = $"{Guid.NewGuid():N}@example.org", Email = $"{Guid.NewGuid():N}@example.org", DisplayName = "Ada" };
        (await users.CreateAsync(user, password)).Succeeded.Should().BeTrue();
        return (user, users);
    }

    [Fact]
    public async Task The_accounts_store_is_migrated_with_everything_else_and_nothing_is_left_pending()
    {
        (await database.ScalarAsync<bool>("select to_regclass('identity.users') is not null")).Should().BeTrue();
        (await database.ScalarAsync<bool>("select to_regclass('identity.data_protection_keys') is not null")).Should().BeTrue();
        (await new SchemaMigrator(database.DataSource).PendingAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Passwords_are_hashed_with_PBKDF2_HMAC_SHA512_at_210000_iterations()
    {
        await using var services = Instance();
        var (user, _) = await NewAccount(services);

        var hash = Convert.FromBase64String(await database.ScalarAsync<string>("select password_hash from identity.users where id = $1", user.Id));

        hash[0].Should().Be(0x01, "Identity's v3 format");
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)).Should().Be((uint)KeyDerivationPrfSha512);
        BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)).Should().Be(210_000u);
    }

    private const int KeyDerivationPrfSha512 = 2;

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_still_verifies_and_is_marked_for_upgrade()
    {
        await using var services = Instance();
        var old = new PasswordHasher<UserAccount>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        var user = new UserAccount();
        var hash = old.HashPassword(user, "correct horse battery staple");

        var result = services.GetRequiredService<IPasswordHasher<UserAccount>>().VerifyHashedPassword(user, hash, "correct horse battery staple");

        result.Should().Be(PasswordVerificationResult.SuccessRehashNeeded);
    }

    [Theory]
    [InlineData("short", "PasswordTooShort")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "PasswordTooLong")]
    [InlineData("Password123", "PasswordTooCommon")]
    [InlineData("qwertyuiop", "PasswordTooCommon")]
    public async Task Weak_passwords_are_refused_with_a_reason(string password, string code)
    {
        await using var services = Instance();
        var users = services.CreateScope().ServiceProvider.GetRequiredService<UserManager<UserAccount>>();

        var result = await users.CreateAsync(new UserAccount { UserName = $"{Guid.NewGuid():N}", Email = $"{Guid.NewGuid():N}@example.org" }, password);

        result.Errors.Select(e => e.Code).Should().Contain(code);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_five_minutes_by_the_hosts_clock()
    {
        await using var services = Instance();
        var (user, users) = await NewAccount(services);
        await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        // A scope per sign-in, as per request: a scope's Identity store keeps the account it read first.
        Task<Guid?> SignIn(string password) =>
            services.CreateScope().ServiceProvider.GetRequiredService<IAccounts>().CheckPasswordAsync(user.Email!, password, CancellationToken.None);
        var lockedAt = clock.GetUtcNow();

        for (var i = 0; i < 5; i++)
            (await SignIn("not my password at all")).Should().BeNull();

        (await database.ScalarAsync<DateTime?>("select lockout_end from identity.users where id = $1", user.Id)).Should().Be(lockedAt.AddMinutes(5).UtcDateTime);
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        (await SignIn("correct horse battery staple")).Should().BeNull("the lock holds for five minutes");
        clock.Advance(TimeSpan.FromSeconds(2));
        (await SignIn("correct horse battery staple")).Should().Be(user.Id, "the lock has ended");
    }

    [Fact]
    public async Task Wrong_passwords_sent_in_parallel_still_lock_the_account_at_the_fifth()
    {
        await using var services = Instance();
        var (user, users) = await NewAccount(services);
        await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));

        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAccounts>().CheckPasswordAsync(user.Email!, "not my password at all", CancellationToken.None);
        }));

        (await database.ScalarAsync<DateTime?>("select lockout_end from identity.users where id = $1", user.Id))
            .Should().Be(clock.GetUtcNow().AddMinutes(5).UtcDateTime);
    }

    [Fact]
    public async Task A_reset_token_works_once_and_confirmation_and_reset_tokens_are_short_lived()
    {
        await using var services = Instance();
        var (user, users) = await NewAccount(services);
        var token = await users.GeneratePasswordResetTokenAsync(user);

        (await users.ResetPasswordAsync(user, token, "a new and long passphrase")).Succeeded.Should().BeTrue();
        (await users.ResetPasswordAsync(user, token, "yet another long passphrase")).Succeeded.Should().BeFalse("the first reset moved the security stamp");
        services.GetRequiredService<IOptions<PasswordResetTokenOptions>>().Value.TokenLifespan.Should().Be(TimeSpan.FromHours(1));
        services.GetRequiredService<IOptions<EmailConfirmationTokenOptions>>().Value.TokenLifespan.Should().Be(TimeSpan.FromHours(24));
    }

    [Fact]
    public async Task Data_protection_keys_live_in_PostgreSQL_so_any_instance_reads_what_another_protected()
    {
        await using var one = Instance();
        await using var two = Instance();

        var protectedByOne = one.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("session of owner 42");
        var readByTwo = two.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByOne);

        readByTwo.Should().Be("session of owner 42");
        (await database.ScalarAsync<long>("select count(*) from identity.data_protection_keys")).Should().BeGreaterThan(0);
    }
}
