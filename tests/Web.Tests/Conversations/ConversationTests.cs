using System.Net;
using System.Net.Http.Json;
using VetOS.Application.Conversations;
using VetOS.Domain;
using VetOS.Web.Tests.Clinics;
using VetOS.Web.Tests.Owners;
using static VetOS.Web.Tests.Owners.OwnerClient;

namespace VetOS.Web.Tests.Conversations;

/// <summary>An owner and their clinic write to each other: both sides, read receipts, the inbox, announcements and who may see what.</summary>
public sealed class ConversationTests(VetOSApp app) : IClassFixture<VetOSApp>
{
    private static string Mine => $"/api/me/conversations/{Clinic}";

    private static string Theirs(Guid owner) => $"/api/clinics/{Clinic}/conversations/{owner}";

    private static string Inbox => $"/api/clinics/{Clinic}/conversations";

    private async Task<(Actor Actor, HttpClient Client, string Email)> OwnerAsync(string name)
    {
        var (actor, email) = await app.NewClient(name, "+447911123123");
        return (actor, app.ClientAs(actor), email);
    }

    private static async Task<ConversationThread> WriteOk(HttpClient client, string path, object message)
    {
        var response = await client.PostAsJsonAsync(path + "/messages", message);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConversationThread>(ApiJson.Options))!;
    }

    private static async Task<ConversationInbox> InboxOf(HttpClient staff) =>
        (await staff.GetFromJsonAsync<ConversationInbox>(Inbox, ApiJson.Options))!;

    private Task<IReadOnlyList<(string Template, string Recipient, string? Subject, string Body, string Status)>> AnnouncementsOf(Guid message) =>
        Eventually.Until(async () =>
        {
            await using var command = app.Database.DataSource.CreateCommand(
                "select template, recipient, subject, body, status from messaging.messages where dedup_key = $1");
            command.Parameters.AddWithValue($"conversation:{message:N}");
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string, string, string?, string, string)>();
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            return (IReadOnlyList<(string, string, string?, string, string)>)rows;
        }, rows => rows.Count > 0, because: "the message's announcement is queued");

    [Fact]
    public async Task The_owner_writes_staff_read_and_answer_and_each_side_sees_who_wrote_when_and_what_was_read()
    {
        var (owner, client, _) = await OwnerAsync("Gilbert White");
        var receptionist = app.ClientAs(Receptionist);

        var written = await WriteOk(client, Mine, new { body = "  Is Pepper due her booster?  " });

        var mine = written.Messages.Should().ContainSingle().Subject;
        (mine.From, mine.Body, mine.WrittenAt, mine.ReadByClinicAt).Should().Be(("owner", "Is Pepper due her booster?", app.Clock.GetUtcNow(), null));
        written.AwaitingClinicSince.Should().Be(app.Clock.GetUtcNow());
        (await InboxOf(receptionist)).Conversations.Should().Contain(e => e.Owner == owner.Id && e.Unread == 1 && e.OwnerName == "Gilbert White");

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var opened = await receptionist.GetFromJsonAsync<ConversationThread>(Theirs(owner.Id), ApiJson.Options);
        opened!.Messages.Single().ReadByClinicAt.Should().Be(app.Clock.GetUtcNow());
        (await app.Database.ScalarAsync<long>("select count(*) from audit.access_log where reader_id = $1 and owner_id = $2 and record = 'conversation'",
            Receptionist.Id, owner.Id)).Should().Be(1, "staff reading a conversation is logged");
        var seenByOwner = (await client.GetFromJsonAsync<ConversationThread>(Mine, ApiJson.Options))!;
        seenByOwner.Messages.Single().ReadByClinicAt.Should().Be(app.Clock.GetUtcNow(), "the owner sees when the clinic read it");

        var answered = await WriteOk(receptionist, Theirs(owner.Id), new { body = "Yes, in March. We will remind you." });

        answered.Messages.Select(m => (m.From, m.StaffId)).Should().Equal(("owner", null), ("clinic", Receptionist.Id));
        answered.AwaitingClinicSince.Should().BeNull();
        (await InboxOf(receptionist)).Conversations.Should().NotContain(e => e.Owner == owner.Id, "an answered conversation leaves the inbox");
        var list = (await client.GetFromJsonAsync<List<MyConversation>>("/api/me/conversations", ApiJson.Options))!;
        list.Single(c => c.Clinic == Clinic).Conversation!.LastFrom.Should().Be("clinic");
    }

    [Fact]
    public async Task The_inbox_puts_the_oldest_unanswered_first_counts_them_and_a_settled_one_leaves_until_the_owner_writes_again()
    {
        var receptionist = app.ClientAs(Receptionist);
        var (first, firstClient, _) = await OwnerAsync("Mary Somerville");
        await WriteOk(firstClient, Mine, new { body = "First question" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var (second, secondClient, _) = await OwnerAsync("Caroline Herschel");
        await WriteOk(secondClient, Mine, new { body = "Second question" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await WriteOk(firstClient, Mine, new { body = "And a follow-up" });

        var inbox = await InboxOf(receptionist);

        var ours = inbox.Conversations.Where(e => e.Owner == first.Id || e.Owner == second.Id).ToList();
        ours.Select(e => (e.Owner, e.Unread)).Should().Equal((first.Id, 2), (second.Id, 1));
        inbox.Conversations.Select(e => e.AwaitingSince).Should().BeInAscendingOrder();
        inbox.Awaiting.Should().Be(inbox.Conversations.Count);

        (await receptionist.PostAsync(Theirs(first.Id) + "/settle", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await InboxOf(receptionist);
        after.Awaiting.Should().Be(inbox.Awaiting - 1);
        after.Conversations.Should().NotContain(e => e.Owner == first.Id);
        await WriteOk(firstClient, Mine, new { body = "One more thing" });
        (await InboxOf(receptionist)).Conversations.Should().Contain(e => e.Owner == first.Id && e.AwaitingSince == app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_new_message_is_announced_with_a_link_and_never_its_words_and_answers_need_no_marketing_consent()
    {
        var (owner, client, email) = await OwnerAsync("Joseph Banks");
        var receptionist = app.ClientAs(Receptionist);
        var question = await WriteOk(client, Mine, new { body = "Private question about worming tablets" });
        var followUp = await WriteOk(client, Mine, new { body = "Forgot to add the dose question" });

        var toClinic = (await AnnouncementsOf(question.Messages[0].Id)).Should().ContainSingle().Subject;
        toClinic.Template.Should().Be("conversation-waiting");
        toClinic.Body.Should().NotContain("worming").And.Contain($"/api/clinics/{Clinic}/conversations");
        (await app.Database.ScalarAsync<long>("select count(*) from messaging.messages where dedup_key = $1", $"conversation:{followUp.Messages[1].Id:N}"))
            .Should().Be(0, "the clinic was told already that this conversation awaits it");

        var answer = await WriteOk(receptionist, Theirs(owner.Id), new { body = "Half a tablet of Drontal, secret advice" });

        var toOwner = (await AnnouncementsOf(answer.Messages[^1].Id)).Should().ContainSingle().Subject;
        (toOwner.Template, toOwner.Recipient).Should().Be(("conversation-answer", email));
        toOwner.Status.Should().NotBe("skipped", "an answer to the owner needs no marketing consent");
        (toOwner.Subject + toOwner.Body).Should().NotContain("Drontal").And.NotContain("secret");
        toOwner.Body.Should().Contain("/me/conversations/");
    }

    [Fact]
    public async Task Others_are_refused_another_owner_sees_only_their_own_and_another_clinics_staff_nothing()
    {
        var (owner, client, _) = await OwnerAsync("Anna Atkins");
        var pet = await client.AddPetOk(Pet("Moss"));
        await WriteOk(client, Mine, new { body = "About Moss's cough", aboutPet = pet.Id });
        var (_, other, _) = await OwnerAsync("Eve Other");
        var clinic = await app.CreateClinicAsync();
        var (_, admin) = await app.AdminOfAsync(clinic, Onboarding.NewEmail("admin"));

        var othersOwn = (await other.GetFromJsonAsync<ConversationThread>(Mine, ApiJson.Options))!;
        othersOwn.Messages.Should().BeEmpty();
        (await other.GetAsync(Theirs(owner.Id))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.PostAsJsonAsync(Mine + "/messages", new { body = "Mine?", aboutPet = pet.Id })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var foreign = await admin.GetAsync(Theirs(owner.Id));
        foreign.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await foreign.Content.ReadAsStringAsync()).Should().NotContain("Moss");
        (await admin.GetAsync(Inbox)).StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"/api/me/conversations/{clinic}/messages", new { body = "Not my clinic" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "the owner is no client of that clinic");
        (await app.Database.ScalarAsync<long>("select count(*) from audit.access_log where owner_id = $1 and record = 'conversation'", owner.Id))
            .Should().Be(0, "nobody read it");
    }

    [Fact]
    public async Task An_empty_or_overlong_message_is_refused_naming_the_field_and_nothing_is_kept()
    {
        var (owner, client, _) = await OwnerAsync("Dorothy Hodgkin");

        var empty = await client.PostAsJsonAsync(Mine + "/messages", new { body = "   " });
        var overlong = await client.PostAsJsonAsync(Mine + "/messages", new { body = new string('a', 4001) });

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.ErrorFields()).Should().Equal("body");
        overlong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await overlong.ErrorFields()).Should().Equal("body");
        (await app.Database.ScalarAsync<long>("select count(*) from conversations.messages where owner_id = $1", owner.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Messages_written_at_the_same_moment_from_both_sides_are_all_kept()
    {
        var (owner, client, _) = await OwnerAsync("Rosalind Franklin");
        var receptionist = app.ClientAs(Receptionist);

        var writes = Enumerable.Range(0, 8).Select(i => i % 2 == 0
            ? client.PostAsJsonAsync(Mine + "/messages", new { body = $"owner {i}" })
            : receptionist.PostAsJsonAsync(Theirs(owner.Id) + "/messages", new { body = $"clinic {i}" }));
        var responses = await Task.WhenAll(writes);

        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        var thread = (await client.GetFromJsonAsync<ConversationThread>(Mine, ApiJson.Options))!;
        thread.Messages.Select(m => m.Body).Should().BeEquivalentTo(Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? $"owner {i}" : $"clinic {i}"));
    }
}
