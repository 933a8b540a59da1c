using Microsoft.Extensions.DependencyInjection;
using VetOS.Application.Consents;
using VetOS.Application.EventStore;
using VetOS.Application.Messaging;
using VetOS.Domain;
using VetOS.Domain.Consents;

namespace VetOS.Infrastructure.Tests.Messaging;

/// <summary>The consent gate at send time, with consent given and withdrawn through the ledgers as owners do.</summary>
public sealed class ConsentGateTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task A_reminder_goes_only_while_its_owner_consents_on_its_channel()
    {
        var clinic = await NewClinic();
        var (consenting, withdrawn, never) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await Choose(consenting, clinic, granted: true);
        await Choose(withdrawn, clinic, granted: true);
        await Choose(withdrawn, clinic, granted: false);
        var messages = new[] { consenting, withdrawn, never }
            .Select(owner => host.Message(MessagingHost.NewRecipient(), purpose: ConsentPurpose.AppointmentReminders, owner: owner, clinic: clinic, channel: MessageChannels.Sms))
            .ToList();
        var service = host.Message(MessagingHost.NewRecipient(), owner: never, clinic: clinic);
        foreach (var message in messages.Append(service))
            await host.Queue.EnqueueAsync(message, default);

        await using (await host.DispatcherAsync())
        {
            await host.WhenStatus(messages[0].Id, MessageStatuses.Sent);
            await host.WhenStatus(messages[1].Id, MessageStatuses.Skipped);
            await host.WhenStatus(messages[2].Id, MessageStatuses.Skipped);
            await host.WhenStatus(service.Id, MessageStatuses.Sent);
        }

        messages.Select(m => host.Provider.SendsTo(m.Recipient)).Should().Equal(1, 0, 0);
        (await Count("select count(*) from messaging.messages where id = any($1) and skip_reason = 'no-consent'",
            (object)new[] { messages[1].Id, messages[2].Id })).Should().Be(2);
        (await Count("select count(*) from messaging.delivery_log where message_id = $1 and status = 'skipped'", messages[1].Id)).Should().Be(1);
    }

    private async Task<Guid> NewClinic()
    {
        var clinic = Guid.NewGuid();
        await host.Database.ExecuteAsync("insert into clinic.clinics (id, slug, name, time_zone, created_at) values ($1, $2, 'Test', 'Europe/London', $3)",
            clinic, $"c-{clinic:N}", MessagingHost.Monday.AddDays(-30));
        return clinic;
    }

    private async Task Choose(Guid owner, Guid clinic, bool granted)
    {
        var (ledgers, ownerId, clinicId) = (host.Services.GetRequiredService<IConsentLedgers>(), new OwnerId(owner), new ClinicId(clinic));
        var stream = await ledgers.LoadAsync(ownerId, clinicId, default);
        var purpose = (await host.Services.GetRequiredService<IConsentPurposes>().ForClinicAsync(clinic, default))
            .Single(p => p.Key == ConsentPurpose.AppointmentReminders);
        var at = host.Clock.GetUtcNow().AddMinutes(granted ? -10 : -5);
        var by = Actor.Owner(ownerId);
        var decision = Consent.Decide(stream.Ledger, new ChooseConsent(ownerId, clinicId, ConsentPurpose.AppointmentReminders, MessageChannels.Sms, granted, 1,
            new ConsentEvidence(ConsentSources.Portal), by, at), purpose);
        decision.IsRefused.Should().BeFalse(decision.Error?.Message);
        await ledgers.SaveAsync(ownerId, clinicId, stream.Ledger.Revision, decision.Events, new EventMetadata(Guid.NewGuid(), null, by.Tag, at), default);
    }

    private Task<long> Count(string sql, params object[] parameters) => host.Database.ScalarAsync<long>(sql, parameters);
}
