namespace VetOS.Application.PersonalData;

/// <summary>The key store: one secret key per data subject, kept outside the event streams.</summary>
public interface IPersonalDataKeys
{
    /// <summary>The subject's key, made on first use. Fails with <see cref="SubjectErasedException"/> once the key was destroyed.</summary>
    Task<byte[]> GetOrCreateAsync(string subjectId, CancellationToken cancellationToken = default);

    /// <summary>The keys that still exist among <paramref name="subjectIds"/>; destroyed or never made ones are absent.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> FindAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default);

    /// <summary>Destroys the subject's key for good: every field sealed with it reads as erased from now on.</summary>
    Task DestroyAsync(string subjectId, CancellationToken cancellationToken = default);
}

public sealed class SubjectErasedException(string subjectId)
    : InvalidOperationException($"The personal data of subject '{subjectId}' was erased; nothing new can be written for them.")
{
    public string SubjectId { get; } = subjectId;
}
