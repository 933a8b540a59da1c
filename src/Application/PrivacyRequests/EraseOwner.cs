using Mediator;
using VetOS.Application.Accounts;
using VetOS.Application.Common;
using VetOS.Application.Owners;
using VetOS.Application.PersonalData;
using VetOS.Domain;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// A clinic admin carries out a verified erasure request: every holder forgets the owner at that clinic (keeping,
/// pseudonymised, what the clinic's law makes it keep) and the owner's key at that clinic is destroyed, so what the
/// clinic controlled in events (reasons, consent evidence) reads as erased; once the owner is nobody's client any more,
/// their account goes and their own key too (contact details, pets). Then the whole database is
/// scanned for their name, email, phone and pets' names, and the report is stored with the request, which it completes when clean.
/// Until then it may run again (after a crash, or once traces are cleared) and carries on where it stopped.
/// </summary>
public sealed record EraseOwnerCommand(Guid Clinic, Guid Request) : ICommand<ErasureResult>, IClinicAdminRequest;

public sealed record ErasureResult(PrivacyRequestView? Request, ErasureReport? Report, PrivacyRequestError? Error);

public sealed record ErasureReport(
    DateTimeOffset At, string Jurisdiction, bool StillClientElsewhere, bool KeyDestroyed, IReadOnlyList<ErasedSection> Sections, ErasureScanReport Scan)
{
    public string Outcome =>
        $"Erased: {string.Join(", ", Sections.Where(s => s.Removed > 0).Select(s => $"{s.Section} ({s.Removed})"))}."
        + (Sections.SelectMany(s => s.Kept).ToList() is { Count: > 0 } kept
            ? $" Kept, pseudonymised: {string.Join("; ", kept.Select(k => $"{k.What}, because {k.Why}, until {k.Until:yyyy-MM-dd}"))}."
            : "")
        + $" Scan of {Scan.Columns} columns and {Scan.Events} events: {(Traces.Count == 0 ? "no trace found" : $"{Traces.Count} places still hold the owner's details")}"
        + (Scan.Hits.Count > Traces.Count ? $"; {Scan.Hits.Count - Traces.Count} places hold a name one of their pets had, for staff to review." : ".");

    /// <summary>
    /// Hits that keep the request open. A pet's name alone does not: other owners' pets are called Rex too, so those
    /// hits are reported for staff to review rather than blocking the erasure for ever.
    /// </summary>
    public IReadOnlyList<ScanHit> Traces => [.. Scan.Hits.Where(h => h.Kind != SearchTerms.Pet)];
}

public sealed class EraseOwnerHandler(
    IPrivacyRequests requests, PrivacyRequestRunner runner, IOwnerRecords owners, IClinicClients clients, IEnumerable<IPersonalDataHolder> holders,
    IPersonalDataKeys keys, IErasureScan scan, IErasureRecords records, IRecordKeeping recordKeeping, ICurrentActor current, TimeProvider clock)
    : ICommandHandler<EraseOwnerCommand, ErasureResult>
{
    public async ValueTask<ErasureResult> Handle(EraseOwnerCommand command, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(command.Request, cancellationToken);
        if (request is null || request.Clinic.Value != command.Clinic)
            return Refused(PrivacyRequestErrors.NotFound);
        if (request.Kind != PrivacyRequestKind.Erasure)
            return Refused(PrivacyRequestErrors.WrongKind);
        if (!request.IsOpen)
        {
            // Done already; a crash right after completing may have left the terms it looked for.
            await records.ForgetTermsAsync(request.Id, cancellationToken);
            return Refused(PrivacyRequestErrors.Closed);
        }
        if (request.Status == PrivacyRequestStatus.Received)
            return Refused(PrivacyRequestErrors.NotVerified);
        var subject = new DataSubject(request.Clinic, request.Owner);
        var now = clock.GetUtcNow();
        if (await records.UpcomingAppointmentsAsync(subject, now, cancellationToken) > 0)
            return Refused(PrivacyRequestErrors.UpcomingAppointments);
        if (request.Status != PrivacyRequestStatus.InProgress)
        {
            var started = await runner.ChangeAsync(command.Clinic, request.Id, null, (r, by, at) => r.Start(by, at), cancellationToken);
            if (started.Error is { } error)
                return Refused(error);
            request = (await requests.FindAsync(request.Id, cancellationToken))!;
        }

        // The scan looks for what was on file when the erasure first ran: a run after a crash, or after traces were
        // found, finds the details shredded, so the first run holds them sealed until the request completes.
        var terms = await records.HeldTermsAsync(request.Id, cancellationToken);
        if (terms is null)
        {
            terms = SearchTerms.Of(await owners.LoadAsync(request.Owner, cancellationToken));
            await records.HoldTermsAsync(request.Id, terms, cancellationToken);
        }
        var keeping = await recordKeeping.ForAsync(command.Clinic, cancellationToken) ?? new RecordKeeping("", [], TimeSpan.Zero);
        var rules = new ErasureRules(keeping.Jurisdiction, keeping.Retention, now);
        // Holders are safe to run again; what an earlier run removed counts in the report as if it were one run.
        var earlier = (await records.SectionsErasedAsync(request.Id, cancellationToken)).ToDictionary(s => s.Section);
        var sections = new List<ErasedSection>();
        foreach (var holder in holders)
        {
            var section = await holder.EraseAsync(subject, rules, cancellationToken);
            if (earlier.GetValueOrDefault(section.Section) is { } before)
                section = section with { Removed = section.Removed + before.Removed };
            await records.SectionErasedAsync(request.Id, section, cancellationToken);
            sections.Add(section);
        }
        await records.MarkErasedAsync(subject, sections.Where(s => s.Kept.Count == 0).Select(s => s.Section).ToList(), now, cancellationToken);
        // What this clinic controlled goes with the owner's key here; the account's own data once no clinic holds it.
        await keys.DestroyAsync(SubjectKeys.Of(command.Clinic, request.Owner.Value), cancellationToken);
        var elsewhere = (await clients.ClinicsOfAsync(request.Owner.Value, cancellationToken)).Count > 0;
        if (!elsewhere)
            await keys.DestroyAsync(SubjectKeys.Of(request.Owner.Value), cancellationToken);

        var scope = new ErasureScope(command.Clinic, request.Owner.Value, AccountKept: elsewhere);
        var report = new ErasureReport(now, keeping.Jurisdiction, elsewhere, !elsewhere, sections, await scan.ScanAsync(terms, scope, cancellationToken));
        await records.SaveReportAsync(request.Id, current.Actor!.Tag, now, new { kind = "erasure", report, outcome = report.Outcome }, cancellationToken);
        if (report.Traces.Count > 0)
            return new(PrivacyRequestView.Of(request, now), report, PrivacyRequestErrors.TracesFound);
        var completed = await runner.ChangeAsync(command.Clinic, request.Id, null, (r, by, at) => r.CompleteErasure(report.Outcome, by, at), cancellationToken);
        if (completed.Error is null)
            await records.ForgetTermsAsync(request.Id, cancellationToken);
        return new(completed.Request, report, completed.Error);
    }

    private static ErasureResult Refused(PrivacyRequestError error) => new(null, null, error);
}
