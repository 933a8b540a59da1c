using VetOS.Domain.Owners;
using static VetOS.Domain.Tests.Owners.OwnerSpec;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Owners;

public sealed class EditingPets
{
    private static readonly PetDetails Heavier = RexDetails with { WeightKg = 21m, Notes = "Calmer now" };

    [Fact]
    public void The_owner_changes_her_pets_details_and_the_event_carries_them_all() =>
        Given(RexAdded())
            .When(ChangeRex(Heavier))
            .Then(new PetDetailsChanged(Alice.Value, Rex.Value, "Rex", "dog", "Border collie", new DateOnly(2019, 4, 2), "male", true, 21m,
                "Calmer now", AliceActing.Tag, Now));

    [Fact]
    public void Saving_the_same_details_records_nothing() =>
        Given(RexAdded())
            .When(ChangeRex(RexDetails))
            .ThenNothing();

    [Fact]
    public void The_same_weight_written_differently_is_no_change() =>
        Given(RexAdded())
            .When(ChangeRex(RexDetails with { WeightKg = 18.50m }))
            .ThenNothing();

    [Fact]
    public void A_vet_of_her_clinic_may_change_them() =>
        Given(RexAdded())
            .When(ChangeRex(Heavier, by: Vet))
            .Then(RexChanged(Heavier, by: Vet));

    [Fact]
    public void Another_owner_cannot_change_them() =>
        Given(RexAdded())
            .When(ChangeRex(Heavier, by: Bob))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void Staff_of_another_clinic_cannot_change_them() =>
        Given(RexAdded())
            .When(ChangeRex(Heavier, by: ReceptionistAtHillside))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void A_pet_she_does_not_have_cannot_be_changed() =>
        Given(RexAdded())
            .When(ChangeRex(Heavier, pet: new PetId(Guid.Parse("9e999999-0000-0000-0000-0000000000f9"))))
            .ThenFails(OwnerErrors.PetNotFound);

    [Fact]
    public void An_archived_pet_cannot_be_changed() =>
        Given(RexAdded(), RexArchived())
            .When(ChangeRex(Heavier))
            .ThenFails(OwnerErrors.PetArchived);

    [Fact]
    public void A_pet_booking_knew_by_name_and_species_only_gets_its_details_with_a_change()
    {
        var state = OwnerRecord.From(Alice, [], null, [(Rex, "Rex", "dog")]);

        Owner.Decide(state, ChangeRex(RexDetails)).Events.Should().Equal(RexChanged(RexDetails));
    }
}
