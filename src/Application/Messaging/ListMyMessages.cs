using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Application.Owners;

namespace VetOS.Application.Messaging;

/// <summary>The messages (times in each clinic's time zone) the signed-in owner's clinics sent or will send them, newest first, with where each stands, as long as the delivery log keeps them.</summary>
public sealed record ListMyMessagesQuery : IQuery<IReadOnlyList<MyMessage>>, IAuthenticatedRequest;

public sealed record MyMessage(Guid Id, string ClinicName, string Channel, string Template, string Status, DateTimeOffset DueAt, DateTimeOffset? SentAt);

public sealed class ListMyMessagesHandler(IClinicClients clients, IClinicRegistry clinics, IDeliveryLog log, ICurrentActor current) : IQueryHandler<ListMyMessagesQuery, IReadOnlyList<MyMessage>>
{
    private const int Newest = 100;

    public async ValueTask<IReadOnlyList<MyMessage>> Handle(ListMyMessagesQuery query, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner().Value;
        var messages = new List<MyMessage>();
        foreach (var clinic in await clients.ClinicsOfAsync(owner, cancellationToken))
        {
            var zone = await clinics.CalendarOfAsync(clinic.Clinic, cancellationToken) ?? TimeZoneInfo.Utc;
            messages.AddRange((await log.FindAsync(new DeliveryLogFilter(clinic.Clinic, owner, null, null, null, Newest), cancellationToken))
                .Select(m => new MyMessage(m.Message, clinic.Name, m.Channel, m.Template, m.Status, TimeZoneInfo.ConvertTime(m.DueAt, zone),
                    m.SentAt is { } sent ? TimeZoneInfo.ConvertTime(sent, zone) : null)));
        }
        return messages.OrderByDescending(m => m.DueAt).Take(Newest).ToList();
    }
}
