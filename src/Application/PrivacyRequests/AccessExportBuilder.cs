using System.Text.Json;
using VetOS.Application.PersonalData;
using VetOS.Domain.PrivacyRequests;

namespace VetOS.Application.PrivacyRequests;

/// <summary>
/// Builds an access request's export, for the background job: one section from every holder of owners' data, the
/// progress counted in sections, then the JSON and its readable summary, downloadable for <see cref="Available"/>.
/// </summary>
public sealed class AccessExportBuilder(
    IPrivacyRequests requests, IEnumerable<IPersonalDataHolder> holders, IAccessExports exports, RecordOfProcessingSource processing, TimeProvider clock)
{
    public const string Format = "vetos-access-export/1";
    public static readonly TimeSpan Available = TimeSpan.FromDays(7);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task BuildAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(requestId, cancellationToken) is not { Kind: PrivacyRequestKind.Access } request)
            return;
        try
        {
            var subject = new DataSubject(request.Clinic, request.Owner);
            var all = holders.ToList();
            var sections = new Dictionary<string, object?>();
            await exports.ProgressAsync(requestId, 0, all.Count, cancellationToken);
            foreach (var holder in all)
            {
                sections[holder.Section] = await holder.ExportAsync(subject, cancellationToken);
                await exports.ProgressAsync(requestId, sections.Count, all.Count, cancellationToken);
            }
            var record = await processing.ForAsync(request.Clinic.Value, cancellationToken)
                ?? throw new InvalidOperationException($"Clinic {request.Clinic} is gone.");
            var now = clock.GetUtcNow();
            var document = new AccessExport(Format, request.Id, request.Clinic.Value, request.Owner.Value, now, record, sections);
            await exports.SaveAsync(requestId, JsonSerializer.Serialize(document, Json), ExportSummary.Render(document), now, now + Available, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await exports.FailedAsync(requestId, CancellationToken.None);
            throw;
        }
    }
}

/// <summary>The export: everything VetOS holds about one owner at one clinic, by section, with the record of processing that explains it.</summary>
public sealed record AccessExport(
    string Format, Guid Request, Guid Clinic, Guid Owner, DateTimeOffset GeneratedAt, RecordOfProcessing Processing, IReadOnlyDictionary<string, object?> Sections);
