using VetOS.Domain.Conversations;

namespace VetOS.Domain.Tests.Conversations;

public sealed class TalkingWithTheClinic
{
    private static readonly OwnerId Alice = new(Guid.Parse("0199f000-0000-7000-8000-00000000a11c"));
    private static readonly ClinicId Riverside = new(Guid.Parse("0199f000-0000-7000-8000-0000000c1111"));
    private static readonly Actor AliceActing = Actor.Owner(Alice);
    private static readonly Actor Receptionist = new(Guid.Parse("0199f000-0000-7000-8000-00000000beef"), ActorRole.Receptionist, Riverside);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid First = Guid.Parse("0199f000-0000-7000-8000-000000000001");
    private static readonly Guid Second = Guid.Parse("0199f000-0000-7000-8000-000000000002");
    private static readonly Guid Answer = Guid.Parse("0199f000-0000-7000-8000-000000000003");

    private static Conversation Given(params IConversationEvent[] events) => Conversation.From(Alice, Riverside, events);

    private static OwnerWrote AliceWrote(Guid id, DateTimeOffset at) => new(Alice.Value, Riverside.Value, id, "Is Rex due his booster?", null, null, AliceActing.Tag, at);

    private static ClinicWrote ClinicAnswered(DateTimeOffset at) => new(Alice.Value, Riverside.Value, Answer, "Yes, in March.", Receptionist.Id, Receptionist.Tag, at);

    [Fact]
    public void The_owner_writes_and_the_conversation_awaits_the_clinic_from_then()
    {
        var decision = Given().OwnerWrites(new WriteMessage(AliceActing, Now, First, "  Is Rex due his booster?\n"));

        decision.Events.Should().Equal(AliceWrote(First, Now));
        Given(AliceWrote(First, Now)).AwaitingClinicSince.Should().Be(Now);
    }

    [Fact]
    public void A_second_message_before_an_answer_keeps_the_wait_from_the_first()
    {
        var conversation = Given(AliceWrote(First, Now), AliceWrote(Second, Now.AddHours(2)));

        conversation.AwaitingClinicSince.Should().Be(Now);
        conversation.UnreadUpTo.Should().Be(Second);
    }

    [Fact]
    public void Staff_answering_read_what_the_owner_wrote_first_and_end_the_wait()
    {
        var later = Now.AddHours(3);
        var decision = Given(AliceWrote(First, Now), AliceWrote(Second, Now.AddHours(2)))
            .ClinicWrites(new WriteMessage(Receptionist, later, Answer, "Yes, in March."));

        decision.Events.Should().Equal(new ReadByClinic(Alice.Value, Riverside.Value, Second, Receptionist.Id, Receptionist.Tag, later), ClinicAnswered(later));
        var after = Given([AliceWrote(First, Now), AliceWrote(Second, Now.AddHours(2)), .. decision.Events.Cast<IConversationEvent>()]);
        (after.AwaitsClinic, after.UnreadUpTo).Should().Be((false, null));
    }

    [Fact]
    public void Opening_a_conversation_already_read_changes_nothing() =>
        Given(AliceWrote(First, Now), new ReadByClinic(Alice.Value, Riverside.Value, First, Receptionist.Id, Receptionist.Tag, Now.AddMinutes(5)))
            .ClinicReads(Receptionist, Now.AddMinutes(10)).Events.Should().BeEmpty();

    [Fact]
    public void Staff_may_settle_a_waiting_conversation_without_answering_and_the_next_message_opens_it_again()
    {
        var settled = Given(AliceWrote(First, Now)).ClinicSettles(Receptionist, Now.AddHours(1));

        settled.Events.OfType<ConversationSettled>().Should().ContainSingle();
        var after = Given([AliceWrote(First, Now), .. settled.Events.Cast<IConversationEvent>()]);
        after.AwaitsClinic.Should().BeFalse();
        after.Apply(AliceWrote(Second, Now.AddDays(1))).AwaitingClinicSince.Should().Be(Now.AddDays(1));
    }

    [Fact]
    public void Settling_a_conversation_that_awaits_nobody_changes_nothing() =>
        Given(AliceWrote(First, Now), ClinicAnswered(Now.AddHours(1))).ClinicSettles(Receptionist, Now.AddHours(2)).Events.Should().BeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void An_empty_message_is_refused(string body) =>
        Given().OwnerWrites(new WriteMessage(AliceActing, Now, First, body)).Error.Should().Be(ConversationErrors.EmptyMessage);

    [Fact]
    public void A_message_longer_than_the_limit_is_refused_from_either_side()
    {
        var tooLong = new string('a', Conversation.MostCharacters + 1);

        Given().OwnerWrites(new WriteMessage(AliceActing, Now, First, tooLong)).Error.Should().Be(ConversationErrors.TooLong);
        Given().ClinicWrites(new WriteMessage(Receptionist, Now, Answer, tooLong)).Error.Should().Be(ConversationErrors.TooLong);
        Given().OwnerWrites(new WriteMessage(AliceActing, Now, First, new string('a', Conversation.MostCharacters))).Error.Should().BeNull();
    }
}
