using VetOS.Domain;

namespace VetOS.Application.PersonalData;

/// <summary>Whom an access or erasure request is about: one owner, as a client of one clinic (the controller).</summary>
public sealed record DataSubject(ClinicId Clinic, OwnerId Owner);

/// <summary>
/// One place where VetOS keeps owners' data. The access export gathers one section from every holder; erasure asks
/// every holder to forget before the owner's key is destroyed. Each feature that keeps personal data registers one,
/// so that nothing is forgotten by the export, the erasure or the scan that proves it.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>The export's section name, such as <c>appointments</c>.</summary>
    string Section { get; }

    /// <summary>Everything this holder keeps about the subject at that clinic, as plain serialisable records; null when nothing.</summary>
    Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Removes, or pseudonymises, what this holder keeps about the subject at that clinic. What the clinic must keep
    /// by law is reported as kept (pseudonymised), not removed. Safe to run again after a crash.
    /// </summary>
    Task<ErasedSection> EraseAsync(DataSubject subject, ErasureRules rules, CancellationToken cancellationToken);
}

/// <summary>What one holder removed, and what it kept, why and until when.</summary>
public sealed record ErasedSection(string Section, int Removed, IReadOnlyList<KeptRecords> Kept);

public sealed record KeptRecords(string What, string Why, DateOnly Until);

/// <summary>The record-keeping duties of the clinic's jurisdiction, as the clinic's settings state them, and the time of erasure.</summary>
public sealed record ErasureRules(string Jurisdiction, IReadOnlyList<LegalRetention> Retention, DateTimeOffset Now)
{
    public LegalRetention? For(string category) => Retention.FirstOrDefault(r => r.Category == category);
}

/// <summary>Records of <paramref name="Category"/> are kept for <paramref name="Years"/> years because of <paramref name="Law"/>.</summary>
public sealed record LegalRetention(string Category, int Years, string Law);
