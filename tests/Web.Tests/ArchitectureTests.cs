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

    /// <summary>Only the composition root names Infrastructure types; everything else reads and writes through the pipeline and Application's ports.</summary>
    private static readonly string[] CompositionRoot = ["Program"];

    [Fact]
    public void Web_types_reach_the_infrastructure_only_through_the_composition_root()
    {
        var web = typeof(VetOS.Web.Http.Revisions).Assembly;
        var offenders = web.GetTypes()
            .Where(t => !CompositionRoot.Contains(Outermost(t).FullName) && !Outermost(t).FullName!.StartsWith("<Program>", StringComparison.Ordinal))
            .SelectMany(t => TypesNamedBy(t).Where(n => n.Assembly == Infrastructure).Select(n => $"{Outermost(t).FullName} uses {n.FullName}"))
            .Distinct()
            .ToList();

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void The_architecture_check_sees_infrastructure_types_where_a_web_type_names_them()
    {
        var compositionRoot = typeof(Program).GetNestedTypes(Declared).Prepend(typeof(Program));
        compositionRoot.SelectMany(TypesNamedBy).Should().Contain(t => t.Assembly == Infrastructure);
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
            type = outer;
        return type;
    }

    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    /// <summary>The types a type names in its signatures, fields and method locals (closures and async state machines are nested types, so lambdas count too).</summary>
    private static IEnumerable<Type> TypesNamedBy(Type type)
    {
        var named = new List<Type>();
        if (type.BaseType is { } baseType)
            named.Add(baseType);
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        named.AddRange(type.GetProperties(Declared).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method is MethodInfo info)
                named.Add(info.ReturnType);
            if (method.GetMethodBody() is { } body)
                named.AddRange(body.LocalVariables.Select(l => l.LocalType));
        }
        return named.SelectMany(Unwrapped);
    }

    private static IEnumerable<Type> Unwrapped(Type type)
    {
        if (type.HasElementType)
            return Unwrapped(type.GetElementType()!);
        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrapped).Prepend(type) : [type];
    }
}
