using VetOS.Application.EventStore;
using VetOS.Application.Owners;
using VetOS.Domain;
using VetOS.Domain.Owners;
using VetOS.Infrastructure.Bookings;
using VetOS.Infrastructure.EventStore;
using VetOS.Infrastructure.Owners;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.Tests.Owners;

// The test assembly has a PetAdded event of its own.
using PetAdded = VetOS.Domain.Owners.PetAdded;

public sealed class PostgresOwnerRecordsTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly PostgresOwnerRecords records = new(database.DataSource, database.Store, database.Notifier,
        new EventSerializer(EventTypeRegistry.FromAssemblies(typeof(PetAdded).Assembly), database.Keys));

    private static EventMetadata Metadata(OwnerId owner) => new(Guid.NewGuid(), null, Actor.Owner(owner).Tag, At);

    private static PetAdded Added(OwnerId owner, Guid pet, string name = "Biscuit") =>
        new(owner.Value, pet, name, "dog", "Beagle", new DateOnly(2020, 5, 1), "female", true, 12.5m, "Frightened of thunder", $"owner:{owner}", At);

    private async Task<OwnerId> NewAccount(string name, string phone)
    {
        var owner = new OwnerId(Guid.NewGuid());
        await database.ExecuteAsync("""
            insert into identity.users (id, display_name, email, phone_number, phone_number_confirmed, email_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            values ($1, $2, $3, $4, true, true, false, true, 0)
            """, owner.Value, name, $"{owner.Value:N}@example.org", phone);
        return owner;
    }

    [Fact]
    public async Task Names_phones_breeds_and_notes_are_sealed_in_storage_and_read_as_erased_once_the_owners_key_is_destroyed()
    {
        var owner = await NewAccount("Ada Lovelace", "+447911123123");
        var pet = Guid.NewGuid();
        await records.SaveAsync(owner, -1,
            [new ContactDetailsChanged(owner.Value, "Ada King", "+447911123456", "sms", $"owner:{owner}", At), Added(owner, pet)], Metadata(owner), CancellationToken.None);

        var stored = await database.ScalarAsync<string>(
            "select string_agg(data::text, '|' order by stream_revision) from event_store.events where stream_id = $1", PostgresOwnerRecords.StreamOf(owner).Value);
        stored.Should().NotContain("Ada King").And.NotContain("900456").And.NotContain("Beagle").And.NotContain("thunder").And.NotContain("Biscuit");
        stored.Should().Contain(owner.Value.ToString()).And.Contain("\"species\":\"dog\"").And.Contain("\"preferredChannel\":\"sms\"");
        (await records.LoadAsync(owner, CancellationToken.None)).Events[1].Should().Be(Added(owner, pet));

        await database.Keys.DestroyAsync(owner.Value.ToString());

        var erased = await records.LoadAsync(owner, CancellationToken.None);
        erased.Events[0].Should().Be(new ContactDetailsChanged(owner.Value, PersonalDataCipher.Erased, PersonalDataCipher.Erased, "sms", $"owner:{owner}", At));
        erased.Events[1].Should().Be(Added(owner, pet) with { Name = PersonalDataCipher.Erased, Breed = PersonalDataCipher.Erased, Notes = PersonalDataCipher.Erased });
    }

    [Fact]
    public async Task A_pet_added_is_bookable_at_once_and_an_archived_one_is_known_as_archived()
    {
        var owner = new OwnerId(Guid.NewGuid());
        var pet = Guid.NewGuid();
        var directory = new PostgresPetDirectory(database.DataSource);

        await records.SaveAsync(owner, -1, [Added(owner, pet)], Metadata(owner), CancellationToken.None);
        (await directory.FindPetAsync(new PetId(pet), CancellationToken.None)).Should().Be(new VetOS.Domain.Bookings.PetFacts(new PetId(pet), owner, "dog"));

        await records.SaveAsync(owner, 0, [new PetArchived(owner.Value, pet, "deceased", $"owner:{owner}", At)], Metadata(owner), CancellationToken.None);
        (await directory.FindPetAsync(new PetId(pet), CancellationToken.None))!.Archived.Should().BeTrue();
    }

    [Fact]
    public async Task A_contact_change_updates_the_account_in_the_same_transaction_and_unconfirms_a_new_phone()
    {
        var owner = await NewAccount("Grace Hopper", "+447911123123");

        await records.SaveAsync(owner, -1, [new ContactDetailsChanged(owner.Value, "Grace B. Hopper", "+447911123789", "email", $"owner:{owner}", At)], Metadata(owner), CancellationToken.None);

        var file = await records.LoadAsync(owner, CancellationToken.None);
        file.Account.Should().Be(new AccountContact("Grace B. Hopper", $"{owner.Value:N}@example.org", "+447911123789"));
        (await database.ScalarAsync<bool>("select phone_number_confirmed from identity.users where id = $1", owner.Value)).Should().BeFalse();
    }

    [Fact]
    public async Task A_save_at_a_stale_revision_writes_neither_events_nor_the_pets_table()
    {
        var owner = new OwnerId(Guid.NewGuid());
        await records.SaveAsync(owner, -1, [Added(owner, Guid.NewGuid())], Metadata(owner), CancellationToken.None);
        var late = Guid.NewGuid();

        var stale = () => records.SaveAsync(owner, -1, [Added(owner, late, "Late")], Metadata(owner), CancellationToken.None);

        await stale.Should().ThrowAsync<WrongExpectedRevisionException>();
        (await database.ScalarAsync<long>("select count(*) from owners.pets where id = $1", late)).Should().Be(0);
        (await records.LoadAsync(owner, CancellationToken.None)).Revision.Should().Be(0);
    }

    [Fact]
    public async Task A_pet_id_another_owner_has_is_refused_and_nothing_is_written()
    {
        var first = new OwnerId(Guid.NewGuid());
        var second = new OwnerId(Guid.NewGuid());
        var pet = Guid.NewGuid();
        await records.SaveAsync(first, -1, [Added(first, pet)], Metadata(first), CancellationToken.None);

        var taken = () => records.SaveAsync(second, -1, [Added(second, pet)], Metadata(second), CancellationToken.None);

        await taken.Should().ThrowAsync<DuplicatePetException>();
        (await records.LoadAsync(second, CancellationToken.None)).Revision.Should().Be(-1);
    }

    [Fact]
    public async Task Loading_brings_what_was_on_file_the_account_pets_booking_knew_and_the_clinics()
    {
        var owner = await NewAccount("Alan Turing", "+447911123111");
        var clinic = Guid.NewGuid();
        var pet = Guid.NewGuid();
        await database.ExecuteAsync("insert into clinic.clinics (id, slug, name, time_zone) values ($1, $2, 'Test clinic', 'Europe/London')", clinic, $"c{clinic:N}");
        await database.ExecuteAsync("insert into owners.clinic_clients (clinic_id, owner_id) values ($1, $2)", clinic, owner.Value);
        await database.ExecuteAsync("insert into owners.pets (id, owner_id, name, species) values ($1, $2, 'Miso', 'cat')", pet, owner.Value);

        var file = await records.LoadAsync(owner, CancellationToken.None);

        file.Revision.Should().Be(-1);
        file.Clinics.Should().Equal(new ClinicId(clinic));
        file.State.Contact.Should().Be(new ContactDetails("Alan Turing", "+447911123111", "email"));
        file.State.Pets.Should().Equal(new Pet(new PetId(pet), PetDetails.OnFile("Miso", "cat"), null, null, -1));
    }
}
