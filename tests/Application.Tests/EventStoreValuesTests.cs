using VetOS.Application.EventStore;

namespace VetOS.Application.Tests;

public sealed class EventStoreValuesTests
{
    [Theory]
    [InlineData("booking-42", "booking")]
    [InlineData("consent-owner:7@clinic-3", "consent")]
    [InlineData("resourceDay-vet1_2026-11-23", "resourceDay")]
    public void A_stream_name_is_a_category_a_dash_and_an_id(string name, string category)
    {
        new StreamName(name).Category.Should().Be(category);
    }

    [Fact]
    public void A_stream_name_has_a_length_limit()
    {
        var make = () => new StreamName("pet-" + new string('x', StreamName.MaxLength));

        make.Should().Throw<InvalidStreamNameException>().WithMessage("*at most 200*");
    }

    [Theory]
    [InlineData(-1, true, true, false, false)]
    [InlineData(0, false, true, true, true)]
    [InlineData(5, false, true, true, false)]
    public void Expected_revisions_match_as_in_EventStoreDB(long actual, bool noStream, bool any, bool exists, bool exactZero)
    {
        ExpectedRevision.NoStream.IsSatisfiedBy(actual).Should().Be(noStream);
        ExpectedRevision.Any.IsSatisfiedBy(actual).Should().Be(any);
        ExpectedRevision.StreamExists.IsSatisfiedBy(actual).Should().Be(exists);
        ExpectedRevision.Exact(0).IsSatisfiedBy(actual).Should().Be(exactZero);
    }

    [Fact]
    public void An_exact_revision_is_never_negative()
    {
        var make = () => ExpectedRevision.Exact(-3);

        make.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Positions_order_by_transaction_then_sequence()
    {
        var positions = new[] { new Position(7, 2), new Position(5, 9), new Position(7, 1), Position.Start };

        positions.Order().Should().Equal(Position.Start, new Position(5, 9), new Position(7, 1), new Position(7, 2));
        (new Position(5, 9) < new Position(7, 1)).Should().BeTrue("a later transaction comes later whatever its sequence numbers");
    }
}
