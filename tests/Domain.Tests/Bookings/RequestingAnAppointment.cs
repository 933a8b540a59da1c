using VetOS.Domain.Bookings;
using static VetOS.Domain.Tests.Bookings.Appointments;
using static VetOS.Domain.Tests.Bookings.BookingSpec;
using static VetOS.Domain.Tests.Bookings.Clients;
using static VetOS.Domain.Tests.Bookings.Clinic;

namespace VetOS.Domain.Tests.Bookings;

/// <summary>Now is Monday 2026-11-23 09:00 London (09:00Z, GMT) unless a fact says otherwise.</summary>
public sealed class RequestingAnAppointment
{
    // ---- Who asks, and what follows -------------------------------------------------------------------------

    [Fact]
    public void Owner_books_a_directly_bookable_type_and_it_is_confirmed_at_once() =>
        Given()
            .When(Request(WednesdayTen, Consultation, DrPatel, Rex, by: AliceActing))
            .Then(
                new AppointmentRequested(TheBooking.Value, Clinic.Id.Value, Alice.Value, Rex.Pet.Value, Consultation.Id.Value, DrPatel.Value,
                    WednesdayTen, WednesdayTen.AddMinutes(20), AliceActing.Tag, Now),
                new AppointmentConfirmed(TheBooking.Value, AliceActing.Tag, Now));

    [Fact]
    public void Owner_requests_a_request_only_type_and_it_awaits_the_clinic() =>
        Given()
            .When(Request(WednesdayTen, SurgeryConsult, DrPatel, Rex, by: AliceActing))
            .Then(Requested(WednesdayTen, SurgeryConsult, DrPatel, Rex, AliceActing, at: Now));

    [Fact]
    public void The_slot_lasts_as_long_as_the_type_fifteen_minutes_for_a_vaccination() =>
        Given()
            .When(Request(WednesdayTen, Vaccination, VaccinationRoom, Rex))
            .Then(
                new AppointmentRequested(TheBooking.Value, Clinic.Id.Value, Alice.Value, Rex.Pet.Value, Vaccination.Id.Value, VaccinationRoom.Value,
                    WednesdayTen, WednesdayTen.AddMinutes(15), AliceActing.Tag, Now),
                new AppointmentConfirmed(TheBooking.Value, AliceActing.Tag, Now));

    [Fact]
    public void Receptionist_books_for_an_owner_and_it_is_confirmed_at_once_tagged_with_the_receptionist() =>
        Given()
            .When(Request(WednesdayTen, Consultation, DrOkafor, Tibbles, by: Receptionist))
            .Then(
                Requested(WednesdayTen, Consultation, DrOkafor, Tibbles, Receptionist, at: Now),
                new AppointmentConfirmed(TheBooking.Value, Receptionist.Tag, Now));

    [Fact]
    public void Staff_book_even_a_request_only_type_straight_into_the_diary() =>
        Given()
            .When(Request(WednesdayTen, SurgeryConsult, DrPatel, Rex, by: Vet))
            .Then(
                Requested(WednesdayTen, SurgeryConsult, DrPatel, Rex, Vet, at: Now),
                new AppointmentConfirmed(TheBooking.Value, Vet.Tag, Now));

    [Fact]
    public void The_by_tag_names_the_role_and_the_person() =>
        Given()
            .When(Request(WednesdayTen, by: Admin))
            .Decision.Events.Should().AllSatisfy(e => e.GetType().GetProperty("By")!.GetValue(e).Should().Be($"clinicadmin:{Admin.Id}"));

    [Fact]
    public void Staff_of_another_clinic_cannot_book_here() =>
        Given()
            .When(Request(WednesdayTen, by: ReceptionistOfAnotherClinic))
            .ThenFails(BookingErrors.StaffOnly);

    [Fact]
    public void Staff_with_no_clinic_cannot_book() =>
        Given()
            .When(Request(WednesdayTen, by: new Actor(Guid.Parse("5a555555-0000-0000-0000-0000000000d5"), ActorRole.Vet)))
            .ThenFails(BookingErrors.StaffOnly);

    [Fact]
    public void Owner_cannot_book_for_another_owner() =>
        Given()
            .When(Request(WednesdayTen, pet: Tibbles, by: AliceActing))
            .ThenFails(BookingErrors.NotYours);

    [Fact]
    public void Cannot_book_for_an_owner_who_is_not_a_client() =>
        Given()
            .When(Request(WednesdayTen, ownerIsClient: false))
            .ThenFails(BookingErrors.NotAClient);

    [Fact]
    public void Staff_cannot_book_for_an_owner_who_is_not_a_client_either() =>
        Given()
            .When(Request(WednesdayTen, by: Receptionist, ownerIsClient: false))
            .ThenFails(BookingErrors.NotAClient);

    [Fact]
    public void Cannot_book_for_a_pet_of_another_owner() =>
        Given()
            .When(Request(WednesdayTen, pet: Tibbles, owner: Alice, by: AliceActing))
            .ThenFails(BookingErrors.NotOwnersPet);

    [Fact]
    public void Staff_cannot_book_a_pet_for_someone_who_does_not_own_it() =>
        Given()
            .When(Request(WednesdayTen, pet: Tibbles, owner: Alice, by: Receptionist))
            .ThenFails(BookingErrors.NotOwnersPet);

    [Fact]
    public void Cannot_book_for_an_archived_pet() =>
        Given()
            .When(Request(WednesdayTen, pet: Rex with { Archived = true }))
            .ThenFails(BookingErrors.PetArchived);

    [Fact]
    public void Staff_cannot_book_for_an_archived_pet_either() =>
        Given()
            .When(Request(WednesdayTen, pet: Rex with { Archived = true }, by: Receptionist))
            .ThenFails(BookingErrors.PetArchived);

    // ---- What is asked for -------------------------------------------------------------------------------------

    [Fact]
    public void Cannot_book_an_appointment_type_the_clinic_does_not_offer() =>
        Given()
            .When(Request(WednesdayTen, typeId: UnknownType))
            .ThenFails(BookingErrors.UnknownAppointmentType);

    [Fact]
    public void Cannot_book_a_type_not_offered_for_the_species_a_rabbit_vaccination() =>
        Given()
            .When(Request(WednesdayTen, Vaccination, DrPatel, Thumper))
            .ThenFails(BookingErrors.SpeciesNotAccepted);

    [Fact]
    public void A_rabbit_may_have_a_consultation() =>
        Given()
            .When(Request(WednesdayTen, Consultation, DrPatel, Thumper))
            .Then(Requested(WednesdayTen, Consultation, DrPatel, Thumper, at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Cannot_book_a_species_no_type_accepts() =>
        Given()
            .When(Request(WednesdayTen, Consultation, DrPatel, Polly))
            .ThenFails(BookingErrors.SpeciesNotAccepted);

    [Fact]
    public void Cannot_book_a_consultation_in_the_vaccination_room() =>
        Given()
            .When(Request(WednesdayTen, Consultation, VaccinationRoom))
            .ThenFails(BookingErrors.ResourceNotSuitable);

    [Fact]
    public void Cannot_book_a_surgery_consult_with_a_vet_who_does_not_take_them() =>
        Given()
            .When(Request(WednesdayTen, SurgeryConsult, DrOkafor))
            .ThenFails(BookingErrors.ResourceNotSuitable);

    [Fact]
    public void Cannot_book_a_resource_the_clinic_does_not_have() =>
        Given()
            .When(Request(WednesdayTen, Consultation, new ResourceId(Guid.Parse("e9999999-0000-0000-0000-0000000000a9"))))
            .ThenFails(BookingErrors.ResourceNotSuitable);

    // ---- When: lead time and horizon ---------------------------------------------------------------------------

    [Fact]
    public void Cannot_book_inside_the_lead_time_1040Z_is_1h40_after_now() =>
        Given()
            .When(Request(At(2026, 11, 23, 10, 40)))
            .ThenFails(BookingErrors.InsideLeadTime);

    [Fact]
    public void May_book_exactly_at_the_lead_time_1100Z_is_2h_after_now() =>
        Given()
            .When(Request(At(2026, 11, 23, 11, 0)))
            .Then(Requested(At(2026, 11, 23, 11, 0), at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Cannot_book_in_the_past() =>
        Given()
            .When(Request(At(2026, 11, 20, 10, 0)))
            .ThenFails(BookingErrors.InsideLeadTime);

    [Fact]
    public void Staff_are_held_to_the_lead_time_too() =>
        Given()
            .When(Request(At(2026, 11, 23, 10, 40), by: Receptionist))
            .ThenFails(BookingErrors.InsideLeadTime);

    [Fact]
    public void May_book_exactly_at_the_horizon_friday_2027_01_22_0900Z_is_60_days_after_now() =>
        Given()
            .When(Request(At(2027, 1, 22, 9, 0)))
            .Then(Requested(At(2027, 1, 22, 9, 0), at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Cannot_book_beyond_the_horizon_friday_2027_01_22_0920Z_is_60_days_20_min_after_now() =>
        Given()
            .When(Request(At(2027, 1, 22, 9, 20)))
            .ThenFails(BookingErrors.BeyondHorizon);

    // ---- When: opening hours (winter, London = UTC) ---------------------------------------------------------

    [Fact]
    public void May_book_the_first_slot_at_opening_0800() =>
        Given()
            .When(Request(At(2026, 11, 24, 8, 0)))
            .Then(Requested(At(2026, 11, 24, 8, 0), at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Cannot_book_before_opening_0740() =>
        Given()
            .When(Request(At(2026, 11, 24, 7, 40)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void Cannot_book_a_slot_straddling_opening_0750_to_0810() =>
        Given()
            .When(Request(At(2026, 11, 24, 7, 50)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void May_book_the_last_slot_ending_at_closing_1740_to_1800() =>
        Given()
            .When(Request(At(2026, 11, 24, 17, 40)))
            .Then(Requested(At(2026, 11, 24, 17, 40), at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Cannot_book_a_slot_straddling_closing_1750_to_1810() =>
        Given()
            .When(Request(At(2026, 11, 24, 17, 50)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void Cannot_book_after_closing_1800() =>
        Given()
            .When(Request(At(2026, 11, 24, 18, 0)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void May_book_saturday_morning_1240_to_1300() =>
        Given()
            .When(Request(At(2026, 11, 28, 12, 40)))
            .Then(Requested(At(2026, 11, 28, 12, 40), at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Cannot_book_saturday_at_0830_before_the_later_weekend_opening() =>
        Given()
            .When(Request(At(2026, 11, 28, 8, 30)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void Cannot_book_saturday_afternoon_1400() =>
        Given()
            .When(Request(At(2026, 11, 28, 14, 0)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void Cannot_book_on_a_sunday() =>
        Given()
            .When(Request(At(2026, 11, 29, 10, 0)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    // ---- When: opening hours across daylight saving (hours are London wall-clock) ------------------------

    [Fact]
    public void In_summer_0800Z_is_0900_London_and_open() =>
        Given()
            .When(Request(At(2027, 6, 14, 8, 0), now: SummerNow))
            .Then(Requested(At(2027, 6, 14, 8, 0), at: SummerNow), Confirmed(AliceActing, SummerNow));

    [Fact]
    public void In_summer_0730Z_is_0830_London_and_open() =>
        Given()
            .When(Request(At(2027, 6, 14, 7, 30), now: SummerNow))
            .Then(Requested(At(2027, 6, 14, 7, 30), at: SummerNow), Confirmed(AliceActing, SummerNow));

    [Fact]
    public void In_summer_0700Z_is_0800_London_opening_time_and_open() =>
        Given()
            .When(Request(At(2027, 6, 14, 7, 0), now: SummerNow))
            .Then(Requested(At(2027, 6, 14, 7, 0), at: SummerNow), Confirmed(AliceActing, SummerNow));

    [Fact]
    public void In_summer_0630Z_is_0730_London_and_closed() =>
        Given()
            .When(Request(At(2027, 6, 14, 6, 30), now: SummerNow))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void In_winter_0730Z_is_0730_London_and_closed() =>
        Given()
            .When(Request(At(2026, 11, 24, 7, 30)))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void In_summer_1650Z_is_1750_London_and_a_consultation_straddles_closing() =>
        Given()
            .When(Request(At(2027, 6, 14, 16, 50), now: SummerNow))
            .ThenFails(BookingErrors.OutsideOpeningHours);

    [Fact]
    public void In_winter_1650Z_is_1650_London_and_a_consultation_fits() =>
        Given()
            .When(Request(At(2026, 11, 24, 16, 50)))
            .Then(Requested(At(2026, 11, 24, 16, 50), at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void A_start_given_in_London_summer_time_is_recorded_in_UTC_0900_BST_is_0800Z()
    {
        var nineLondon = LondonTime(2027, 6, 14, 9, 0);
        nineLondon.Offset.Should().Be(TimeSpan.FromHours(1));

        var requested = Given()
            .When(Request(nineLondon, now: SummerNow))
            .Decision.Events.OfType<AppointmentRequested>().Single();

        requested.Start.Should().Be(At(2027, 6, 14, 8, 0));
        requested.Start.Offset.Should().Be(TimeSpan.Zero);
        requested.End.Should().Be(At(2027, 6, 14, 8, 20));
        requested.End.Offset.Should().Be(TimeSpan.Zero);
    }

    // ---- When: blocked times and closures ------------------------------------------------------------------

    [Fact]
    public void Cannot_book_a_vet_during_their_blocked_time() =>
        Given()
            .When(Request(At(2026, 11, 25, 14, 0), resource: DrOkafor))
            .ThenFails(BookingErrors.Blocked);

    [Fact]
    public void Cannot_book_a_vet_in_a_slot_running_into_their_blocked_time_1250_to_1310() =>
        Given()
            .When(Request(At(2026, 11, 25, 12, 50), resource: DrOkafor))
            .ThenFails(BookingErrors.Blocked);

    [Fact]
    public void May_book_a_vet_in_the_slot_ending_as_their_block_starts_1240_to_1300() =>
        Given()
            .When(Request(At(2026, 11, 25, 12, 40), resource: DrOkafor))
            .Then(Requested(At(2026, 11, 25, 12, 40), resource: DrOkafor, at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void May_book_a_vet_as_soon_as_their_block_ends_1500() =>
        Given()
            .When(Request(At(2026, 11, 25, 15, 0), resource: DrOkafor))
            .Then(Requested(At(2026, 11, 25, 15, 0), resource: DrOkafor, at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Another_vets_blocked_time_does_not_stop_booking_this_vet() =>
        Given()
            .When(Request(At(2026, 11, 25, 14, 0), resource: DrPatel))
            .Then(Requested(At(2026, 11, 25, 14, 0), resource: DrPatel, at: Now), Confirmed(AliceActing, Now));

    [Fact]
    public void Cannot_book_any_vet_on_a_clinic_closure_day() =>
        Given()
            .When(Request(At(2026, 12, 25, 10, 0), resource: DrPatel))
            .ThenFails(BookingErrors.Blocked);

    [Fact]
    public void Cannot_book_the_room_on_a_clinic_closure_day() =>
        Given()
            .When(Request(At(2026, 12, 25, 15, 0), Vaccination, VaccinationRoom))
            .ThenFails(BookingErrors.Blocked);

    [Fact]
    public void Staff_cannot_book_on_a_clinic_closure_day_either() =>
        Given()
            .When(Request(At(2026, 12, 25, 10, 0), by: Receptionist))
            .ThenFails(BookingErrors.Blocked);

    [Fact]
    public void May_book_the_day_after_a_closure() =>
        Given()
            .When(Request(At(2026, 12, 26, 9, 0)))
            .Then(Requested(At(2026, 12, 26, 9, 0), at: Now), Confirmed(AliceActing, Now));

    // ---- Once only -----------------------------------------------------------------------------------------

    [Fact]
    public void Booking_twice_with_the_same_id_is_refused() =>
        Given(Requested())
            .When(Request(ThursdayTwo))
            .ThenFails(BookingErrors.AlreadyExists);

    [Fact]
    public void A_finished_appointments_id_cannot_be_booked_again() =>
        Given(Cancelled())
            .When(Request(ThursdayTwo))
            .ThenFails(BookingErrors.AlreadyExists);
}
