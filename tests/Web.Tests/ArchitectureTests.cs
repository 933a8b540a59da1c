using System.Reflection;

namespace VetOS.Web.Tests;

/// <summary>Dependencies point inward: Web → Infrastructure → Application → Domain.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(VetOS.Domain.Events.EventTypeAttribute).Assembly;
    private static readonly Assembly Application = typeof(VetOS.Application.EventStore.IEventStore).Assembly;
    private static readonly Assembly Infrastructure = typeof(VetOS.Infrastructure.DependencyInjection).Assembly;

    private static IEnumerable<string> VetOSReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("VetOS.", StringComparison.Ordinal));

    [Fact]
    public void The_application_depends_on_the_domain_only()
    {
        VetOSReferences(Application).Should().BeSubsetOf(["VetOS.Domain"]);
        Application.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain(n => n!.StartsWith("Npgsql", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_infrastructure_does_not_depend_on_the_web_host()
    {
        VetOSReferences(Infrastructure).Should().NotContain("VetOS.Web");
        VetOSReferences(Domain).Should().BeEmpty();
    }
}
