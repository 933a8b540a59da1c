namespace VetOS.Domain.PrivacyRequests;

/// <summary>One step in a request's life, as its event records it: what happened, when, by whom, and a note for the record.</summary>
public sealed record PrivacyRequestStep(DateTimeOffset At, string By, string What, string Note)
{
    public static PrivacyRequestStep Of(IPrivacyRequestEvent e) => e switch
    {
        PrivacyRequestFiled => new(e.At, e.By, "filed", "through the portal"),
        PrivacyRequestLogged l => new(e.At, e.By, "logged",
            l.Handler is null ? $"received by {l.ReceivedVia}" : $"received by {l.ReceivedVia}; identity verified: {l.Verification}"),
        RequesterIdentityVerified v => new(e.At, e.By, "identity verified", v.How),
        PrivacyRequestStarted => new(e.At, e.By, "in progress", ""),
        PrivacyRequestExtended x => new(e.At, e.By, $"extended by {x.Months} month{(x.Months == 1 ? "" : "s")}", x.Reason),
        PrivacyRequestCompleted c => new(e.At, e.By, "completed", c.Outcome),
        ErasureRequestCompleted c => new(e.At, e.By, "completed", c.Outcome),
        CorrectionRequestCompleted c => new(e.At, e.By, "contact details corrected", PrivacyRequest.CorrectionOutcome(c.Why)),
        PrivacyRequestPartlyRefused r => new(e.At, e.By, "partly refused", r.Reasons),
        AccessExportQueuedAgain => new(e.At, e.By, "export queued", "built again"),
        AccessExportDownloaded d => new(e.At, e.By, "export downloaded", d.Format),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not a privacy request event."),
    };
}
