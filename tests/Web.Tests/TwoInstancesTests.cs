using System.Net.Http.Json;
using VetOS.Application.Bookings;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Projections;
using static VetOS.Web.Tests.Bookings.BookingClient;

namespace VetOS.Web.Tests;

/// <summary>Two portal instances on one database: either serves any request, and one at a time runs each projection.</summary>
public sealed class TwoInstancesTests(VetOSApp first) : IClassFixture<VetOSApp>
{
    private static ProjectionState AppointmentsOn(IServiceProvider services) =>
        services.GetRequiredService<ProjectionRunner>().States["appointments"];

    [Fact]
    public async Task A_booking_made_on_one_instance_is_listed_by_the_other_and_the_projection_moves_when_its_instance_stops()
    {
        await using var second = new SecondInstance(first);
        var onSecond = second.ClientAs(DemoOwner);
        await Eventually.Until(
            () => Task.FromResult((AppointmentsOn(first.Services), AppointmentsOn(second.Services))),
            states => states is (ProjectionState.Running, ProjectionState.Standby) or (ProjectionState.Standby, ProjectionState.Running),
            because: "exactly one instance to run the appointments projection");

        var booked = await first.ClientAs(DemoOwner).BookOk(DemoClinic.Consultation, DemoClinic.DrReilly, Tuesday(15));
        await Eventually.Until(() => onSecond.GetFromJsonAsync<MyAppointments>("/api/appointments/mine")!,
            mine => mine!.Upcoming.Any(a => a.Id == booked.Id), because: "the second instance to list what the first booked");

        var (running, survivor, survivorClient) = AppointmentsOn(first.Services) == ProjectionState.Running
            ? (first.Services, second.Services, onSecond)
            : (second.Services, first.Services, first.ClientAs(DemoOwner));
        await running.GetRequiredService<ProjectionRunner>().StopAsync(CancellationToken.None);

        var later = await survivorClient.BookOk(DemoClinic.Consultation, DemoClinic.DrReilly, Tuesday(16));
        await Eventually.Until(() => survivorClient.GetFromJsonAsync<MyAppointments>("/api/appointments/mine")!,
            mine => mine!.Upcoming.Any(a => a.Id == later.Id), because: "the surviving instance to take the projection over");
        AppointmentsOn(survivor).Should().Be(ProjectionState.Running);
    }
}
