using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Clinics;
using VetOS.Application.Common;
using VetOS.Application.Owners;

namespace VetOS.Application.Conversations;

/// <summary>Each clinic the signed-in owner is a client of, with where their conversation with it stands (if they have one).</summary>
public sealed record ListMyConversationsQuery : IQuery<IReadOnlyList<MyConversation>>, IAuthenticatedRequest;

/// <summary><paramref name="TimeZone"/>: the clinic's, in which its pages show the times of messages.</summary>
public sealed record MyConversation(Guid Clinic, string ClinicName, string ClinicSlug, string TimeZone, ConversationSummary? Conversation);

public sealed class ListMyConversationsHandler(IConversations conversations, IClinicClients clients, IClinicRegistry clinics, ICurrentActor current)
    : IQueryHandler<ListMyConversationsQuery, IReadOnlyList<MyConversation>>
{
    public async ValueTask<IReadOnlyList<MyConversation>> Handle(ListMyConversationsQuery query, CancellationToken cancellationToken)
    {
        var owner = current.SignedInOwner();
        var summaries = (await conversations.ForOwnerAsync(owner, cancellationToken)).ToDictionary(s => s.Clinic);
        var mine = new List<MyConversation>();
        foreach (var c in await clients.ClinicsOfAsync(owner.Value, cancellationToken))
        {
            var zone = (await clinics.FindAsync(c.Clinic, cancellationToken))?.TimeZone ?? TimeZoneInfo.Utc.Id;
            mine.Add(new MyConversation(c.Clinic, c.Name, c.Slug, zone, summaries.GetValueOrDefault(c.Clinic)));
        }
        return mine
            .OrderByDescending(c => c.Conversation?.LastMessageAt)
            .ThenBy(c => c.ClinicName, StringComparer.Ordinal)
            .ToList();
    }
}
