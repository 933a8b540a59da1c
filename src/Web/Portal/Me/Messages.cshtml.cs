using VetOS.Application.Messaging;

namespace VetOS.Web.Portal.Me;

public sealed class MessagesModel : PortalPage
{
    public IReadOnlyList<MyMessage> Messages { get; private set; } = [];

    public async Task OnGetAsync() => Messages = await Mediator.Send(new ListMyMessagesQuery(), HttpContext.RequestAborted);

    /// <summary>"booking-confirmed" as "Booking confirmed".</summary>
    public static string Describe(string template) =>
        template.Length == 0 ? template : char.ToUpperInvariant(template[0]) + template[1..].Replace('-', ' ');
}
