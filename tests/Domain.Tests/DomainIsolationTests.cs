using VetOS.Domain.Events;

namespace VetOS.Domain.Tests;

public sealed class DomainIsolationTests
{
    [Fact]
    public void The_domain_references_no_project_and_no_package()
    {
        var references = typeof(EventTypeAttribute).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        references.Should().OnlyContain(name => name == "System.Runtime" || name == "netstandard" || name.StartsWith("System.", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_events_are_immutable_records_with_versioned_wire_names()
    {
        var events = typeof(EventTypeAttribute).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(EventTypeAttribute), false).Length > 0)
            .ToList();

        foreach (var type in events)
        {
            var name = ((EventTypeAttribute)type.GetCustomAttributes(typeof(EventTypeAttribute), false)[0]).Name;
            name.Should().MatchRegex(@"^[a-z]+(-[a-z]+)*\.v[0-9]+\.[a-z]+(-[a-z]+)*$", $"{type.Name} needs a 'category.vN.past-tense' name");
            type.GetMethod("<Clone>$").Should().NotBeNull($"{type.Name} is a record");
            type.IsSealed.Should().BeTrue($"{type.Name} is sealed");
            type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
                .Should().BeEmpty($"{type.Name} has no public setters");
        }
    }
}
