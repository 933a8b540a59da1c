using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using VetOS.Application.Bookings;
using VetOS.Application.Clinics;
using VetOS.Application.Owners;

namespace VetOS.Web.Portal.Booking;

/// <summary>Book at a clinic: the pet and the reason, then a week of free times, then the one chosen to confirm.</summary>
[Authorize]
public sealed class BookModel : PortalPage
{
    public BookingOptions Clinic { get; private set; } = null!;
    public bool IsClient { get; private set; }
    public IReadOnlyList<PetView> Pets { get; private set; } = [];
    public IReadOnlyList<BookableType> Types { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public Guid? Pet { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Type { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty(SupportsGet = true)] public DateTimeOffset? Start { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Resource { get; set; }

    public PetView? ChosenPet => Pets.FirstOrDefault(p => p.Id == Pet);
    public BookableType? ChosenType => ChosenPet is null ? null : Types.FirstOrDefault(t => t.Id == Type);
    public WeekOfFreeTimes? FreeTimes { get; private set; }
    public bool Confirming => ChosenType is not null && Start is not null && Resource is not null;

    public async Task<IActionResult> OnGetAsync(string slug) =>
        await LoadAsync(slug) ? await ShowAsync() : NotFound();

    public async Task<IActionResult> OnPostJoinAsync(string slug)
    {
        if (!await LoadAsync(slug))
            return NotFound();
        await Mediator.Send(new JoinClinicCommand(Clinic.Clinic), HttpContext.RequestAborted);
        return LocalRedirect($"/book/{Clinic.Slug}");
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
            return NotFound();
        if (ChosenType is null || Start is null || Resource is null)
            return await ShowAsync();
        var (valid, result) = await TrySendAsync(new BookAppointmentCommand(Clinic.Clinic, Pet!.Value, Type!.Value, Resource.Value, Start.Value));
        if (!valid || result is null)
            return await ShowAsync();
        if (result.Error is { } refused)
        {
            ModelState.AddModelError("", BookingRefusals.Explain(refused, Clinic));
            Start = null;
            return await ShowAsync();
        }
        return LocalRedirect($"/me/appointments/{result.Id}?booked=true");
    }

    private async Task<bool> LoadAsync(string slug)
    {
        if (await Mediator.Send(new GetBookingOptionsQuery(slug), HttpContext.RequestAborted) is not { } clinic)
            return false;
        Clinic = clinic;
        var clinics = await Mediator.Send(new ListMyClinicsQuery(), HttpContext.RequestAborted);
        IsClient = clinics.Any(c => c.Clinic == clinic.Clinic);
        Pets = (await Mediator.Send(new ListMyPetsQuery(), HttpContext.RequestAborted)).Where(p => !p.Archived).ToList();
        Pet ??= Pets.Count == 1 ? Pets[0].Id : null;
        Types = ChosenPet is { } pet ? clinic.Types.Where(t => t.IsFor(pet.Species)).ToList() : clinic.Types;
        return true;
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (ChosenType is { } type && !Confirming && IsClient)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Clinic.TimeZone).DateTime);
            var monday = WeekOfFreeTimes.MondayOf(Week, today);
            var slots = await Mediator.Send(new FindFreeSlotsQuery(Clinic.Clinic, type.Id, monday, WeekOfFreeTimes.Length), HttpContext.RequestAborted) ?? [];
            FreeTimes = WeekOfFreeTimes.Of(slots, Clinic.TimeZone, monday, today,
                week => Link(("week", week.ToString("yyyy-MM-dd"))),
                time => Link(("week", monday.ToString("yyyy-MM-dd")), ("start", WeekOfFreeTimes.Instant(time.Start)), ("resource", time.Resource.ToString())));
        }
        return Page();
    }

    public string Link(params (string Name, string Value)[] more)
    {
        var query = new List<(string, string)> { ("pet", Pet?.ToString() ?? ""), ("type", Type?.ToString() ?? "") };
        query.AddRange(more);
        return $"/book/{Clinic.Slug}?" + string.Join("&", query.Select(q => $"{q.Item1}={Uri.EscapeDataString(q.Item2)}"));
    }

    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Clinic.TimeZone).DateTime;

    private DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
}
