using VetOS.Domain.Owners;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Owners;

/// <summary>How the record reads its events: what it holds and which revision last changed each part.</summary>
public sealed class OwnerRecordSpecs
{
    [Fact]
    public void Each_part_remembers_the_revision_that_last_changed_it()
    {
        var state = OwnerRecord.From(Alice, [ContactChanged(), RexAdded(), RexChanged(RexDetails with { Notes = "" })]);

        state.Revision.Should().Be(2);
        state.ContactRevision.Should().Be(0);
        state.FindPet(Rex)!.Revision.Should().Be(2);
        state.FindPet(Rex)!.Details.Notes.Should().BeEmpty();
    }

    [Fact]
    public void An_archived_pet_stays_on_the_record_with_when_and_why()
    {
        var state = OwnerRecord.From(Alice, [RexAdded(), RexArchived()]);

        state.FindPet(Rex).Should().Be(new Pet(Rex, RexDetails, Earlier, "deceased", 1));
    }

    [Fact]
    public void What_was_on_file_before_any_event_counts_as_never_changed_and_events_win_over_it()
    {
        var onFile = new ContactDetails("Alice S", "+447700900999", "email");

        var state = OwnerRecord.From(Alice, [ContactChanged()], onFile, [(Rex, "Rex", "dog")]);

        state.Contact.Should().Be(AlicesContact);
        state.FindPet(Rex).Should().Be(new Pet(Rex, PetDetails.OnFile("Rex", "dog"), null, null, -1));
        state.Revision.Should().Be(0);
    }

    [Fact]
    public void A_pet_added_by_an_event_is_not_taken_again_from_the_file()
    {
        var state = OwnerRecord.From(Alice, [RexAdded()], null, [(Rex, "Rex", "dog")]);

        state.Pets.Should().ContainSingle().Which.Details.Should().Be(RexDetails);
    }
}
