namespace VetOS.Web.Http;

/// <summary>The body of a 201 for something known by its id alone: <c>{ "id": … }</c>.</summary>
public sealed record CreatedId(Guid Id);
