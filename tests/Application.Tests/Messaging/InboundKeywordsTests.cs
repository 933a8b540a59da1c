using VetOS.Application.Messaging.Inbound;

namespace VetOS.Application.Tests.Messaging;

public sealed class InboundKeywordsTests
{
    [Theory]
    [InlineData("STOP", InboundIntent.OptOut)]
    [InlineData(" stop ", InboundIntent.OptOut)]
    [InlineData("Unsubscribe", InboundIntent.OptOut)]
    [InlineData("END", InboundIntent.OptOut)]
    [InlineData("QUIT", InboundIntent.OptOut)]
    [InlineData("STOPALL", InboundIntent.OptOut)]
    [InlineData("REVOKE", InboundIntent.OptOut)]
    [InlineData("OPTOUT", InboundIntent.OptOut)]
    [InlineData("cancel", InboundIntent.OptOut)]
    [InlineData("START", InboundIntent.OptIn)]
    [InlineData("y", InboundIntent.WillCome)]
    [InlineData("Yes!", InboundIntent.WillCome)]
    [InlineData("N", InboundIntent.Cancel)]
    [InlineData("no.", InboundIntent.Cancel)]
    [InlineData("please stop sending", InboundIntent.Other)]
    [InlineData("", InboundIntent.Other)]
    public void A_one_word_reply_means_what_Twilio_and_our_reminders_say_it_means(string body, InboundIntent intent) =>
        InboundKeywords.Classify(body).Should().Be(intent);
}
