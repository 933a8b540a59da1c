using VetOS.Domain.Owners;
using static VetOS.Domain.Tests.Owners.OwnerSpec;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Owners;

public sealed class ChangingContactDetails
{
    private static readonly ContactDetails Moved = new("Alice Jones", "+447700900456", "sms");

    [Fact]
    public void The_owner_changes_her_contact_details_and_the_change_names_her_and_the_time() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved))
            .Then(new ContactDetailsChanged(Alice.Value, "Alice Jones", "+447700900456", "sms", AliceActing.Tag, Now));

    [Fact]
    public void The_first_contact_details_are_recorded_too() =>
        Given()
            .When(ChangeContact(AlicesContact))
            .Then(ContactChanged(at: Now));

    [Fact]
    public void Saving_the_same_details_again_records_nothing() =>
        Given(ContactChanged())
            .When(ChangeContact(AlicesContact))
            .ThenNothing();

    [Fact]
    public void Changing_only_the_preferred_channel_is_a_change() =>
        Given(ContactChanged())
            .When(ChangeContact(AlicesContact with { PreferredChannel = "whatsapp" }))
            .Then(ContactChanged(AlicesContact with { PreferredChannel = "whatsapp" }, at: Now));

    [Fact]
    public void A_receptionist_of_her_clinic_corrects_them_and_the_correction_names_the_receptionist() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: Receptionist))
            .Then(ContactChanged(Moved, by: Receptionist, at: Now));

    [Fact]
    public void The_reason_for_a_correction_is_recorded_with_it_trimmed() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: Receptionist) with { Why = "  She phoned from her new number " })
            .Then(new ContactDetailsChanged(Alice.Value, "Alice Jones", "+447700900456", "sms", Receptionist.Tag, Now, "She phoned from her new number"));

    [Fact]
    public void A_blank_reason_is_no_reason() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved) with { Why = "   " })
            .Then(new ContactDetailsChanged(Alice.Value, "Alice Jones", "+447700900456", "sms", AliceActing.Tag, Now));

    [Fact]
    public void A_vet_of_her_clinic_may_correct_them() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: Vet))
            .Then(ContactChanged(Moved, by: Vet, at: Now));

    [Fact]
    public void A_clinic_admin_of_her_clinic_may_correct_them() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: Admin))
            .Then(ContactChanged(Moved, by: Admin, at: Now));

    [Fact]
    public void Another_owner_cannot_change_them() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: Bob))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void Staff_of_a_clinic_she_is_not_a_client_of_cannot_change_them() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: ReceptionistAtHillside))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void Staff_cannot_change_the_details_of_someone_who_is_no_clinics_client() =>
        Given(ContactChanged())
            .When(new ChangeContactDetails(Receptionist, Now, [], Moved))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void An_auditor_only_reads_and_cannot_change_them() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: Auditor))
            .ThenFails(OwnerErrors.NotYours);

    [Fact]
    public void A_platform_operator_cannot_change_them() =>
        Given(ContactChanged())
            .When(ChangeContact(Moved, by: Operator))
            .ThenFails(OwnerErrors.NotYours);
}
