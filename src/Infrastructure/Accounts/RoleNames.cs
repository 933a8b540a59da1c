using VetOS.Domain;

namespace VetOS.Infrastructure.Accounts;

/// <summary>Roles as the database spells them: <c>receptionist</c>, <c>vet</c>, <c>clinic_admin</c>, <c>auditor</c>.</summary>
public static class RoleNames
{
    public static string Of(ActorRole role) => role == ActorRole.ClinicAdmin ? "clinic_admin" : role.ToString().ToLowerInvariant();

    public static ActorRole Parse(string name) => name == "clinic_admin" ? ActorRole.ClinicAdmin : Enum.Parse<ActorRole>(name, ignoreCase: true);
}
