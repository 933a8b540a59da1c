using FluentValidation;
using VetOS.Application.Common;
using VetOS.Domain;
using VetOS.Domain.Owners;
using Phones = VetOS.Application.Accounts.Phones;

namespace VetOS.Application.Owners;

public interface IContactDetailsInput
{
    string Name { get; }
    string Phone { get; }
    string PreferredChannel { get; }
    string? PhoneCountry { get; }
}

public interface IPetDetailsInput
{
    string Name { get; }
    string Species { get; }
    string? Breed { get; }
    DateOnly? BirthDate { get; }
    string? Sex { get; }
    bool? Neutered { get; }
    decimal? WeightKg { get; }
    string? Notes { get; }
}

public sealed class ContactDetailsRules : AbstractValidator<IContactDetailsInput>
{
    public ContactDetailsRules()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.PhoneCountry).Must(Phones.IsKnownCountry).WithMessage(Phones.UnknownCountry);
        RuleFor(c => c.Phone).Must((c, phone) => Phones.IsValid(phone, c.PhoneCountry)).WithMessage(Phones.Invalid);
        RuleFor(c => c.PreferredChannel).Must(ContactDetails.Channels.Contains)
            .WithMessage($"'Preferred Channel' is one of: {string.Join(", ", ContactDetails.Channels)}.");
    }
}

public sealed class PetDetailsRules : AbstractValidator<IPetDetailsInput>
{
    public PetDetailsRules(TimeProvider clock)
    {
        RuleFor(p => p.Name).NotEmpty().MaximumLength(100);
        RuleFor(p => p.Species).Must(s => s is not null && PetDetails.KnownSpecies.Contains(s.Trim().ToLowerInvariant()))
            .WithMessage($"'Species' is one of: {string.Join(", ", PetDetails.KnownSpecies)}.");
        RuleFor(p => p.Breed).MaximumLength(100);
        // A day's grace: it is already tomorrow in time zones ahead of UTC.
        RuleFor(p => p.BirthDate).LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1))
            .WithMessage("'Birth Date' must not be in the future.");
        RuleFor(p => p.Sex).Must(s => s is null || PetDetails.Sexes.Contains(s))
            .WithMessage($"'Sex' is one of: {string.Join(", ", PetDetails.Sexes)}.");
        RuleFor(p => p.WeightKg).GreaterThan(0).LessThanOrEqualTo(200);
        RuleFor(p => p.Notes).MaximumLength(2000);
    }
}

internal static class OwnerInputs
{
    public static ContactDetails ToDetails(this IContactDetailsInput input) =>
        new(input.Name.Trim(), Phones.ToE164(input.Phone, input.PhoneCountry), input.PreferredChannel);

    public static PetDetails ToDetails(this IPetDetailsInput input) => new(
        input.Name.Trim(), input.Species.Trim().ToLowerInvariant(), input.Breed?.Trim() ?? "", input.BirthDate,
        input.Sex ?? "unknown", input.Neutered ?? false, input.WeightKg, input.Notes?.Trim() ?? "");

    /// <summary>The signed-in owner; staff reach owners' records through their clinic's client record instead.</summary>
    public static OwnerId SignedInOwner(this ICurrentActor current)
    {
        var actor = current.Actor ?? throw new NotAuthenticatedException();
        return actor.Role == ActorRole.Owner
            ? new OwnerId(actor.Id)
            : throw new ForbiddenException("Only owners have a profile and pets of their own; staff see them through their clinic's client record.");
    }
}
