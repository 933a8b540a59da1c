using System.Text.Json;
using VetOS.Domain.Owners;
using VetOS.Infrastructure.EventStore;

namespace VetOS.Infrastructure.Tests.EventStore;

// The test assembly has a PetAdded event of its own.
using PetAdded = VetOS.Domain.Owners.PetAdded;

/// <summary>Owners' events are kept forever: once written, an event's name and JSON shape never change.</summary>
public sealed class OwnerEventWireFormTests
{
    private static readonly Guid Owner = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Pet = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<object, string, string> Events => new()
    {
        { new ContactDetailsChanged(Owner, "Ada Lovelace", "+447700900123", "sms", "receptionist:y", At, "She phoned: new number"), "owner.v1.contact-details-changed",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","name":"Ada Lovelace","phone":"\u002B447700900123","preferredChannel":"sms","by":"receptionist:y","at":"2026-11-23T09:00:00+00:00","why":"She phoned: new number"}""" },
        { new PetAdded(Owner, Pet, "Biscuit", "dog", "Beagle", new DateOnly(2020, 5, 1), "female", true, 12.5m, "Shy", "owner:x", At), "owner.v1.pet-added",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","petId":"22222222-2222-2222-2222-222222222222","name":"Biscuit","species":"dog","breed":"Beagle","birthDate":"2020-05-01","sex":"female","neutered":true,"weightKg":12.5,"notes":"Shy","by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""" },
        { new PetDetailsChanged(Owner, Pet, "Biscuit", "dog", "", null, "unknown", false, null, "", "vet:y", At), "owner.v1.pet-details-changed",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","petId":"22222222-2222-2222-2222-222222222222","name":"Biscuit","species":"dog","breed":"","birthDate":null,"sex":"unknown","neutered":false,"weightKg":null,"notes":"","by":"vet:y","at":"2026-11-23T09:00:00+00:00"}""" },
        { new PetArchived(Owner, Pet, "deceased", "owner:x", At), "owner.v1.pet-archived",
          """{"ownerId":"11111111-1111-1111-1111-111111111111","petId":"22222222-2222-2222-2222-222222222222","reason":"deceased","by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""" },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void An_owner_event_keeps_its_name_and_json_shape(object domainEvent, string name, string json)
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(PetAdded).Assembly);

        registry.For(domainEvent.GetType()).Name.Should().Be(name);
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), EventSerializer.Json).Should().Be(json);
        JsonSerializer.Deserialize(json, domainEvent.GetType(), EventSerializer.Json).Should().Be(domainEvent);
    }

    [Fact]
    public void A_change_of_contact_details_written_before_reasons_were_recorded_still_reads_without_one()
    {
        const string before = """{"ownerId":"11111111-1111-1111-1111-111111111111","name":"Ada Lovelace","phone":"\u002B447700900123","preferredChannel":"sms","by":"owner:x","at":"2026-11-23T09:00:00+00:00"}""";

        JsonSerializer.Deserialize<ContactDetailsChanged>(before, EventSerializer.Json)
            .Should().Be(new ContactDetailsChanged(Owner, "Ada Lovelace", "+447700900123", "sms", "owner:x", At));
    }

    [Fact]
    public void Names_phone_numbers_reasons_breeds_and_notes_are_personal_data_of_the_owner()
    {
        var registry = EventTypeRegistry.FromAssemblies(typeof(PetAdded).Assembly);

        registry.For(typeof(ContactDetailsChanged)).Should().Match<EventShape>(s => s.SubjectField == "ownerId" && s.PersonalFields.SequenceEqual(new[] { "name", "phone", "why" }));
        registry.For(typeof(PetAdded)).PersonalFields.Should().Equal("name", "breed", "notes");
        registry.For(typeof(PetDetailsChanged)).PersonalFields.Should().Equal("name", "breed", "notes");
        registry.For(typeof(PetArchived)).HasPersonalData.Should().BeFalse();
    }
}
