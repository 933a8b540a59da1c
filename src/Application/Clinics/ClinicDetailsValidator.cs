using FluentValidation;

namespace VetOS.Application.Clinics;

/// <summary>The rules for a clinic's details, whoever sets them.</summary>
public sealed class ClinicDetailsValidator : AbstractValidator<ClinicDetails>
{
    public ClinicDetailsValidator()
    {
        RuleFor(d => d.Name).NotEmpty().MaximumLength(200);
        RuleFor(d => d.Slug).NotEmpty().MaximumLength(60).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("'Slug' is lowercase letters and digits, joined by single hyphens, e.g. 'riverside-vets'.");
        RuleFor(d => d.Address).NotEmpty().MaximumLength(500);
        RuleFor(d => d.TimeZone).Must(IsTimeZone).WithMessage("'Time Zone' must be an IANA time zone, e.g. 'Europe/London'.");
        RuleFor(d => d.ContactEmail).NotEmpty().EmailAddress().MaximumLength(254);
        RuleFor(d => d.ContactPhone).Must(Accounts.Phones.IsInternational).WithMessage("'Contact Phone' must be an international number, e.g. +442079460000.");
        RuleFor(d => d.GrievanceContact).NotEmpty().MaximumLength(500);
    }

    private static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
