using VetOS.Application.Conversations;

namespace VetOS.Web.Portal.Me.Conversations;

public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<MyConversation> Clinics { get; private set; } = [];

    public async Task OnGetAsync() => Clinics = await Mediator.Send(new ListMyConversationsQuery(), HttpContext.RequestAborted);

    public static string LocalTime(DateTimeOffset at, string zone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).ToString("d MMM yyyy HH:mm");
}
