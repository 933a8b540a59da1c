using VetOS.Domain.Owners;
using static VetOS.Domain.Tests.Owners.OwnerSpec;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Owners;

public sealed class ArchivingPets
{
    [Fact]
    public void The_owner_archives_a_pet_that_died() =>
        Given(RexAdded())
            .When(ArchiveRex())
            .Then(new PetArchived(Alice.Value, Rex.Value, "deceased", AliceActing.Tag, Now));

    [Fact]
    public void Staff_of_her_clinic_may_archive_it() =>
        Given(RexAdded())
            .When(ArchiveRex(by: Receptionist, reason: "rehomed"))
            .Then(RexArchived("rehomed", by: Receptionist, at: Now));

    [Fact]
    public void Another_owner_cannot_archive_it() =>
        Given(RexAdded())
            .When(ArchiveRex(by: Bob))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void A_pet_is_archived_once() =>
        Given(RexAdded(), RexArchived())
            .When(ArchiveRex())
            .ThenFails(OwnerErrors.PetArchived);

    [Fact]
    public void A_pet_she_does_not_have_cannot_be_archived() =>
        Given()
            .When(ArchiveRex())
            .ThenFails(OwnerErrors.PetNotFound);
}
