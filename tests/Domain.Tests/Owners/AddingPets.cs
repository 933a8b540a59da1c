using VetOS.Domain.Owners;
using static VetOS.Domain.Tests.Owners.OwnerSpec;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Owners;

public sealed class AddingPets
{
    [Fact]
    public void The_owner_adds_a_pet_with_all_its_details() =>
        Given(ContactChanged())
            .When(AddRex())
            .Then(new PetAdded(Alice.Value, Rex.Value, "Rex", "dog", "Border collie", new DateOnly(2019, 4, 2), "male", true, 18.5m,
                "Nervous at the vet's", AliceActing.Tag, Now));

    [Fact]
    public void Staff_of_her_clinic_may_add_a_pet_for_her() =>
        Given()
            .When(AddRex(by: Receptionist))
            .Then(RexAdded(at: Now) with { By = Receptionist.Tag });

    [Fact]
    public void Another_owner_cannot_add_a_pet_to_her_record() =>
        Given()
            .When(AddRex(by: Bob))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void Staff_of_another_clinic_cannot_add_a_pet_to_her_record() =>
        Given()
            .When(AddRex(by: ReceptionistAtHillside))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void The_same_pet_cannot_be_added_twice() =>
        Given(RexAdded())
            .When(AddRex())
            .ThenFails(OwnerErrors.PetAlreadyExists);

    [Fact]
    public void A_pet_booking_already_knew_cannot_be_added_again()
    {
        var state = OwnerRecord.From(Alice, [], null, [(Rex, "Rex", "dog")]);

        Owner.Decide(state, AddRex()).Error.Should().Be(OwnerErrors.PetAlreadyExists);
    }
}
