using System.Globalization;
using VetOS.Application.Clinics;

namespace VetOS.Application.PrivacyRequests;

/// <summary>One part of the policy: a heading (none before the first), then its paragraphs and lists in order.</summary>
public sealed record PolicySection(string? Heading, IReadOnlyList<PolicyBlock> Blocks);

/// <summary>A paragraph, or a bulleted list of items.</summary>
public sealed record PolicyBlock(string? Paragraph, IReadOnlyList<string>? Items);

public sealed record PrivacyPolicy(string Title, IReadOnlyList<PolicySection> Sections);

/// <summary>
/// The privacy policy a clinic's page shows: the policy's own words (PrivacyPolicy.txt, from the draft the product
/// promises), its placeholders filled from the clinic's settings and the platform's, and the sub-processors the
/// record of processing names, so the two never disagree.
/// </summary>
public sealed class PrivacyPolicySource(IRecordKeeping recordKeeping, PrivacySettings settings)
{
    private static readonly string[] Template = ReadTemplate();

    public async Task<PrivacyPolicy> ForAsync(RegisteredClinic clinic, CancellationToken cancellationToken)
    {
        var jurisdiction = (await recordKeeping.ForAsync(clinic.Id, cancellationToken))?.Jurisdiction ?? "the practice's country";
        var effective = settings.PolicyEffectiveDate ?? DateOnly.FromDateTime(clinic.CreatedAt.UtcDateTime);
        string Fill(string line) => line
            .Replace("[CLINIC NAME]", clinic.Details.Name)
            .Replace("[OPERATOR LEGAL ENTITY]", settings.OperatorLegalEntity)
            .Replace("[JURISDICTION]", jurisdiction)
            .Replace("[CONTACT EMAIL]", settings.OperatorContactEmail)
            .Replace("[EFFECTIVE DATE]", effective.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));
        var lines = Template.SelectMany(line => line == "[SUB-PROCESSORS]"
            ? settings.SubProcessors.Select(s => $"- {s.Name} ({s.Entity}) — our sub-processor for {s.Purpose}.")
            : [Fill(line)]);
        return Parse(lines);
    }

    private static PrivacyPolicy Parse(IEnumerable<string> lines)
    {
        var title = "";
        var sections = new List<PolicySection>();
        string? heading = null;
        var blocks = new List<PolicyBlock>();
        foreach (var line in lines)
        {
            if (line.StartsWith("# ", StringComparison.Ordinal))
                title = line[2..];
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sections.Add(new(heading, blocks));
                (heading, blocks) = (line[3..], []);
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                if (blocks is [.., { Items: { } items }])
                    blocks[^1] = new(null, [.. items, line[2..]]);
                else
                    blocks.Add(new(null, [line[2..]]));
            }
            else
                blocks.Add(new(line, null));
        }
        sections.Add(new(heading, blocks));
        return new(title, sections);
    }

    private static string[] ReadTemplate()
    {
        using var stream = typeof(PrivacyPolicySource).Assembly.GetManifestResourceStream("PrivacyPolicy.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
