using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using VetOS.Application.Conversations;
using VetOS.Domain.Conversations;
using VetOS.Web.Problems;

namespace VetOS.Web.Conversations;

/// <summary><c>AboutPet</c> and <c>AboutAppointment</c> (optional) name one of the owner's pets or appointments at that clinic.</summary>
public sealed record OwnerMessageRequest(string Body, Guid? AboutPet, Guid? AboutAppointment);

public sealed record StaffMessageRequest(string Body);

/// <summary>Owners and their clinic write to each other: the owner's side under /api/me, the clinic's inbox and answers under its id.</summary>
public static class ConversationEndpoints
{
    /// <summary>A message refused for what it says is the caller's to fix (422); what is not theirs is not there (404).</summary>
    private static readonly RuleProblems Problems = new(StatusCodes.Status422UnprocessableEntity, ConversationErrors.NotAClient.Message);

    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/me/conversations").WithTags("Conversations");
        mine.MapGet("/", MyConversations).WithSummary("Each of your clinics, with where your conversation with it stands");
        mine.MapGet("/{clinicId:guid}", MyConversation)
            .WithSummary("Your conversation with a clinic, oldest message first, with when the clinic read each of yours");
        mine.MapPost("/{clinicId:guid}/messages", WriteToClinic)
            .WithSummary("Write to the clinic (plain text, at most 4,000 characters), perhaps about one of your pets or appointments");

        var clinic = app.MapGroup("/api/clinics/{clinicId:guid}/conversations").WithTags("Conversations");
        clinic.MapGet("/", Inbox).WithSummary("Conversations awaiting the clinic, oldest unanswered first, and how many (staff)");
        clinic.MapGet("/{ownerId:guid}", Open)
            .WithSummary("A client's conversation; opening it marks their messages read, which they see, and is logged (staff)");
        clinic.MapPost("/{ownerId:guid}/messages", WriteToOwner).WithSummary("Answer a client, or write to them first (staff)");
        clinic.MapPost("/{ownerId:guid}/settle", Settle)
            .WithSummary("Take a conversation out of the inbox without answering, when nothing needs an answer (staff)");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<MyConversation>>> MyConversations(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListMyConversationsQuery(), ct));

    public static async Task<Results<Ok<ConversationThread>, ProblemHttpResult>> MyConversation(Guid clinicId, IMediator mediator, CancellationToken ct) =>
        await mediator.Send(new GetMyConversationQuery(clinicId), ct) is { } thread ? TypedResults.Ok(thread) : RuleProblems.Missing(ConversationErrors.NotAClient.Message);

    public static async Task<Results<Created<ConversationThread>, ProblemHttpResult>> WriteToClinic(
        Guid clinicId, OwnerMessageRequest body, IMediator mediator, CancellationToken ct) =>
        Created(await mediator.Send(new WriteToClinicCommand(clinicId, body.Body, body.AboutPet, body.AboutAppointment), ct), $"/api/me/conversations/{clinicId}");

    public static async Task<Ok<ConversationInboxView>> Inbox(Guid clinicId, int? limit, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetConversationInboxQuery(clinicId, limit), ct));

    public static async Task<Results<Ok<ConversationThread>, ProblemHttpResult>> Open(Guid clinicId, Guid ownerId, IMediator mediator, CancellationToken ct) =>
        Answered(await mediator.Send(new OpenConversationCommand(clinicId, ownerId), ct));

    public static async Task<Results<Created<ConversationThread>, ProblemHttpResult>> WriteToOwner(
        Guid clinicId, Guid ownerId, StaffMessageRequest body, IMediator mediator, CancellationToken ct) =>
        Created(await mediator.Send(new WriteToOwnerCommand(clinicId, ownerId, body.Body), ct), $"/api/clinics/{clinicId}/conversations/{ownerId}");

    public static async Task<Results<Ok<ConversationThread>, ProblemHttpResult>> Settle(Guid clinicId, Guid ownerId, IMediator mediator, CancellationToken ct) =>
        Answered(await mediator.Send(new SettleConversationCommand(clinicId, ownerId), ct));

    private static Results<Ok<ConversationThread>, ProblemHttpResult> Answered(ConversationResult result) =>
        result.Error is { } error ? Problems.For(error.Code, error.Message) : TypedResults.Ok(result.Thread!);

    private static Results<Created<ConversationThread>, ProblemHttpResult> Created(ConversationResult result, string location) =>
        result.Error is { } error ? Problems.For(error.Code, error.Message) : TypedResults.Created(location, result.Thread!);
}
