using System.Text;
using VetOS.Application.EventStore;
using VetOS.Application.PersonalData;
using VetOS.Infrastructure.EventStore;
using VetOS.Infrastructure.PersonalData;

namespace VetOS.Infrastructure.Tests.PersonalData;

public sealed class PersonalDataTests(EventStoreDatabase database) : IClassFixture<EventStoreDatabase>
{
    private readonly EventStreams streams = new(database.Store, Serializer(database));

    private static readonly EventMetadata Metadata = new(Guid.NewGuid(), null, "staff-1", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    internal static EventSerializer Serializer(EventStoreDatabase database) =>
        new(EventTypeRegistry.FromAssemblies(typeof(PersonalDataTests).Assembly), database.Keys);

    [Fact]
    public async Task Personal_fields_are_stored_sealed_and_read_back_in_clear()
    {
        var owner = $"owner-{Guid.NewGuid():N}";
        var stream = StreamName.For("owner", owner);
        var registered = new OwnerRegistered(owner, "Ada Lovelace", "ada@example.org", "clinic-1");

        await streams.AppendAsync(stream, ExpectedRevision.NoStream, [registered], Metadata);

        var stored = await database.ScalarAsync<string>("select data::text from event_store.events where stream_id = $1", stream.Value);
        stored.Should().NotContain("Ada").And.NotContain("ada@example.org").And.Contain(owner).And.Contain("clinic-1");
        var loaded = await streams.LoadAsync(stream);
        loaded.Events.Single().Event.Should().Be(registered);
        loaded.Events.Single().Metadata.Should().Be(Metadata);
        loaded.Revision.Should().Be(0);
    }

    [Fact]
    public async Task Destroying_the_subjects_key_makes_their_personal_fields_read_as_erased_without_rewriting_events()
    {
        var owner = $"owner-{Guid.NewGuid():N}";
        var other = $"owner-{Guid.NewGuid():N}";
        var stream = StreamName.For("owner", owner);
        await streams.AppendAsync(stream, ExpectedRevision.NoStream,
            [new OwnerRegistered(owner, "Grace Hopper", "grace@example.org", "clinic-1"), new PetAdded(owner, "Biscuit", "dog")], Metadata);
        await streams.AppendAsync(StreamName.For("owner", other), ExpectedRevision.NoStream,
            [new OwnerRegistered(other, "Alan Turing", "alan@example.org", "clinic-1")], Metadata);
        var before = await database.ScalarAsync<string>("select string_agg(data::text, '|' order by stream_revision) from event_store.events where stream_id = $1", stream.Value);

        await database.Keys.DestroyAsync(owner);

        var loaded = await streams.LoadAsync(stream);
        loaded.Events[0].Event.Should().Be(new OwnerRegistered(owner, PersonalDataCipher.Erased, PersonalDataCipher.Erased, "clinic-1"));
        loaded.Events[1].Event.Should().Be(new PetAdded(owner, "Biscuit", "dog"));
        var after = await database.ScalarAsync<string>("select string_agg(data::text, '|' order by stream_revision) from event_store.events where stream_id = $1", stream.Value);
        after.Should().Be(before, "erasure destroys the key and rewrites no event");
        (await streams.LoadAsync(StreamName.For("owner", other))).Events.Single().Event
            .Should().Be(new OwnerRegistered(other, "Alan Turing", "alan@example.org", "clinic-1"), "other subjects keep their data");
    }

    [Fact]
    public async Task Nothing_new_can_be_written_for_an_erased_subject()
    {
        var owner = $"owner-{Guid.NewGuid():N}";
        await database.Keys.DestroyAsync(owner);

        var append = () => streams.AppendAsync(StreamName.For("owner", owner), ExpectedRevision.Any,
            [new OwnerRegistered(owner, "Someone", "someone@example.org", "clinic-1")], Metadata);

        await append.Should().ThrowAsync<SubjectErasedException>();
    }

    [Fact]
    public async Task A_subjects_key_is_made_once_even_when_many_writers_ask_at_once()
    {
        var owner = $"owner-{Guid.NewGuid():N}";

        var keys = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => database.Keys.GetOrCreateAsync(owner))));

        keys.Should().AllSatisfy(k => k.Should().Equal(keys[0]));
    }

    [Fact]
    public async Task An_unknown_event_type_on_read_is_a_clear_error()
    {
        var stream = StreamName.For("owner", Guid.NewGuid().ToString("N"));
        await database.Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream,
            [new EventData(Guid.NewGuid(), "test.v9.from-the-future", Encoding.UTF8.GetBytes("{}"), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Metadata, EventSerializer.Json))]);

        var load = () => streams.LoadAsync(stream);

        (await load.Should().ThrowAsync<UnknownEventTypeException>()).Which.Message.Should().Contain("test.v9.from-the-future").And.Contain(stream.Value);
    }

    [Fact]
    public void A_sealed_field_cannot_be_opened_with_another_subjects_key()
    {
        var key = PersonalDataCipher.NewKey();
        var sealedName = PersonalDataCipher.Seal(key, "owner-1", "Ada");

        PersonalDataCipher.Open(key, "owner-1", sealedName).Should().Be("Ada");
        var wrongSubject = () => PersonalDataCipher.Open(key, "owner-2", sealedName);
        wrongSubject.Should().Throw<System.Security.Cryptography.AuthenticationTagMismatchException>();
    }

    [Fact]
    public async Task What_a_clinic_controls_is_sealed_with_the_owners_key_at_that_clinic_and_shredded_there_alone()
    {
        var owner = $"owner-{Guid.NewGuid():N}";
        var (clinicA, clinicB) = ($"clinic-a-{Guid.NewGuid():N}", $"clinic-b-{Guid.NewGuid():N}");
        var stream = StreamName.For("notes", owner);
        await streams.AppendAsync(stream, ExpectedRevision.NoStream,
            [new OwnerRegistered(owner, "Grace Hopper", "grace@example.org", clinicA), new ClinicNoteAdded(owner, clinicA, "Grace prefers mornings"),
             new ClinicNoteAdded(owner, clinicB, "Grace's cat bites")], Metadata);
        var stored = await database.ScalarAsync<string>("select string_agg(data::text, '|' order by stream_revision) from event_store.events where stream_id = $1", stream.Value);
        stored.Should().Contain("\"name\":\"pd1:").And.Contain("\"note\":\"pd2:").And.NotContain("Grace");

        await database.Keys.DestroyAsync(SubjectKeys.Of(clinicA, owner));

        (await streams.LoadAsync(stream)).Events.Select(e => e.Event).Should().Equal(
            new OwnerRegistered(owner, "Grace Hopper", "grace@example.org", clinicA),
            new ClinicNoteAdded(owner, clinicA, PersonalDataCipher.Erased),
            new ClinicNoteAdded(owner, clinicB, "Grace's cat bites"));
        var write = () => streams.AppendAsync(stream, ExpectedRevision.Any, [new ClinicNoteAdded(owner, clinicA, "Back again")], Metadata);
        await write.Should().ThrowAsync<SubjectErasedException>("nothing new is sealed for an owner erased at that clinic");
        await streams.AppendAsync(stream, ExpectedRevision.Any, [new ClinicNoteAdded(owner, clinicB, "Still a client here")], Metadata);
    }

    [Fact]
    public async Task A_field_a_clinic_controls_that_was_sealed_with_the_owners_own_key_before_clinics_had_keys_still_opens_with_it()
    {
        var owner = $"owner-{Guid.NewGuid():N}";
        var clinic = $"clinic-{Guid.NewGuid():N}";
        var key = await database.Keys.GetOrCreateAsync(owner);
        var json = $$"""{"ownerId":"{{owner}}","clinicId":"{{clinic}}","note":"{{PersonalDataCipher.Seal(key, owner, "Written in November")}}"}""";
        var stream = StreamName.For("notes", owner);
        await database.Store.AppendToStreamAsync(stream, ExpectedRevision.NoStream,
            [new EventData(Guid.CreateVersion7(), "test.v1.clinic-note-added", Encoding.UTF8.GetBytes(json), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Metadata, EventSerializer.Json))]);

        (await streams.LoadAsync(stream)).Events.Single().Event.Should().Be(new ClinicNoteAdded(owner, clinic, "Written in November"));
        await database.Keys.DestroyAsync(owner);
        (await streams.LoadAsync(stream)).Events.Single().Event.Should().Be(new ClinicNoteAdded(owner, clinic, PersonalDataCipher.Erased));
    }
}
