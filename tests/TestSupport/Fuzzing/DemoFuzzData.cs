using VetOS.Domain;
using VetOS.Infrastructure.Clinics;

namespace VetOS.TestSupport.Fuzzing;

/// <summary>The demo clinic's ids and the actors that use it: what the fuzzer's valid ids and roles are, in the test and the benchmark.</summary>
public static class DemoFuzzData
{
    public static readonly Guid[] Ids =
    [
        DemoClinic.Id, DemoClinic.DrOkafor, DemoClinic.DrReilly, DemoClinic.DrLind, DemoClinic.ConsultingRoom, DemoClinic.NurseRoom,
        DemoClinic.Consultation, DemoClinic.Vaccination, DemoClinic.DentalCheck, DemoClinic.NurseClinic, DemoClinic.DemoOwner,
        DemoClinic.Biscuit, DemoClinic.Miso, DemoClinic.DemoReceptionist, DemoClinic.DemoVet, DemoClinic.DemoAdmin, DemoClinic.DemoAuditor,
        DemoClinic.DemoOperator,
    ];

    private static readonly ClinicId Clinic = new(DemoClinic.Id);

    /// <summary>Anonymous, two owners (the demo one and a stranger), the demo clinic's staff and the operator.</summary>
    public static readonly FuzzActor[] Actors =
    [
        new("anonymous", null),
        As("the demo owner", Actor.Owner(new OwnerId(DemoClinic.DemoOwner))),
        As("a stranger owner", Actor.Owner(new OwnerId(Guid.Parse("0d9a3a0e-00ff-4000-8000-000000000001")))),
        As("the receptionist", new Actor(DemoClinic.DemoReceptionist, ActorRole.Receptionist, Clinic)),
        As("the vet", new Actor(DemoClinic.DemoVet, ActorRole.Vet, Clinic)),
        As("the clinic admin", new Actor(DemoClinic.DemoAdmin, ActorRole.ClinicAdmin, Clinic)),
        As("the auditor", new Actor(DemoClinic.DemoAuditor, ActorRole.Auditor, Clinic)),
        As("the operator", new Actor(DemoClinic.DemoOperator, ActorRole.Operator)),
    ];

    /// <summary>The development-only <c>X-Dev-Actor</c> header's form (the web host's <c>DevelopmentActor</c>; its test checks the two agree).</summary>
    private static FuzzActor As(string name, Actor actor) =>
        new(name, actor.Clinic is { } clinic ? $"{actor.Role}:{actor.Id}@{clinic}" : $"{actor.Role}:{actor.Id}") { Actor = actor };
}
