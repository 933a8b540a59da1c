using VetOS.Domain.Consents;
using static VetOS.Domain.Tests.Owners.People;

namespace VetOS.Domain.Tests.Consents;

/// <summary>Riverside's appointment reminders, their notice versions, and Alice's choices about them.</summary>
internal static class Reminders
{
    public const string Key = ConsentPurpose.AppointmentReminders;
    public const string Sms = MessageChannels.Sms;
    public const string Email = MessageChannels.Email;
    public const string Ip = "203.0.113.7";
    public const string Browser = "Mozilla/5.0 Firefox/140.0";

    // Events carry ids as plain Guids, as they are stored.
    public static readonly Guid AliceId = Alice.Value;
    public static readonly Guid RiversideId = Riverside.Value;

    public static readonly DateTimeOffset Launched = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    public static readonly NoticeVersion V1 = Notice(1, material: true, Launched);

    public static NoticeVersion Notice(int version, bool material, DateTimeOffset publishedAt) =>
        new(Key, version, $"hash-of-wording-{version}", material, publishedAt);

    /// <summary>Appointment reminders on every channel, with notice v1 and any later versions.</summary>
    public static ConsentPurpose Purpose(params NoticeVersion[] later) => new(Key, MessageChannels.All, [V1, .. later]);

    public static ConsentEvidence Portal => new(ConsentSources.Portal, Ip, Browser);

    public static ConsentEvidence OnTheOwnersWord(string? note = "Asked at the front desk") => new(ConsentSources.Staff, Note: note);

    public static ConsentEvidence Inbound(string? messageId = "SM0001") => new(ConsentSources.InboundMessage, MessageId: messageId);

    public static ChooseConsent Grant(string channel = Sms, int? notice = 1, Actor? by = null, ConsentEvidence? evidence = null, DateTimeOffset? at = null,
        string purpose = Key) =>
        new(Alice, Riverside, purpose, channel, true, notice, evidence ?? Portal, by ?? AliceActing, at ?? Now);

    public static ChooseConsent Withdraw(string channel = Sms, int? notice = 1, Actor? by = null, ConsentEvidence? evidence = null, DateTimeOffset? at = null) =>
        new(Alice, Riverside, Key, channel, false, notice, evidence ?? Portal, by ?? AliceActing, at ?? Now);

    /// <summary>A message Alice sent (an SMS reply of STOP or START): no one signed in acts, the message speaks for her.</summary>
    public static ChooseConsent FromMessage(bool granted, string? messageId = "SM0001", Actor? by = null) =>
        new(Alice, Riverside, Key, Sms, granted, null, Inbound(messageId), by, Now);

    /// <summary>Alice agreed in the portal, as the event records it.</summary>
    public static ConsentGranted Granted(string channel = Sms, int notice = 1, DateTimeOffset? at = null) =>
        new(AliceId, RiversideId, Key, channel, ConsentSources.Portal, notice, $"hash-of-wording-{notice}", Ip, Browser, null, null, AliceActing.Tag, at ?? Earlier);

    public static ConsentWithdrawn Withdrawn(string channel = Sms, int notice = 1, DateTimeOffset? at = null) =>
        new(AliceId, RiversideId, Key, channel, ConsentSources.Portal, notice, $"hash-of-wording-{notice}", Ip, Browser, null, null, AliceActing.Tag, at ?? Earlier);
}
