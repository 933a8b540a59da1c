namespace VetOS.Infrastructure.Messaging.Retention;

/// <summary>The delivery-log purge's settings (section <c>Messaging:Retention</c>); each clinic sets its own retention.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Messaging:Retention";

    /// <summary>Messages deleted per transaction, so a large purge never holds locks for long.</summary>
    public int PurgeBatch { get; set; } = 1000;

    /// <summary>How long account emails of no clinic (password resets) are kept: the clinics' default.</summary>
    public TimeSpan DefaultRetention { get; set; } = TimeSpan.FromDays(90);
}
