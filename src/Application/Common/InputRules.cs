using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace VetOS.Application.Common;

/// <summary>A text field people write over several lines (notes, reasons, wording): line breaks and tabs belong there.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>
/// What every field of every message must be, whatever the use case: text without control characters (line breaks and
/// tabs only in multi-line fields; PostgreSQL refuses NUL outright) and dates between 1900 and 2199, so that no date
/// arithmetic overflows before a use case's own rules look at it.
/// </summary>
public static class InputRules
{
    public const int FirstYear = 1900, LastYear = 2199;
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Fields = new();

    public static List<ValidationFailure> Check(object message)
    {
        var failures = new List<ValidationFailure>();
        Walk(message, "", multiLine: false, depth: 0, failures);
        return failures;
    }

    private static void Walk(object? value, string path, bool multiLine, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!IsWellFormed(text, multiLine))
                    failures.Add(new(path, $"'{path}' must be text without control characters{(multiLine ? " other than line breaks and tabs" : "")}."));
                return;
            case DateTimeOffset instant:
                CheckYear(instant.Year, path, failures);
                return;
            case DateOnly day:
                CheckYear(day.Year, path, failures);
                return;
            case DateTime time:
                CheckYear(time.Year, path, failures);
                return;
            case IEnumerable items when depth < MaxDepth:
                var i = 0;
                foreach (var item in items)
                    Walk(item, $"{path}[{i++}]", multiLine, depth + 1, failures);
                return;
        }
        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("VetOS", StringComparison.Ordinal) != true)
            return;
        foreach (var field in Fields.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray()))
            Walk(field.GetValue(value), path.Length == 0 ? field.Name : $"{path}.{field.Name}", field.IsDefined(typeof(MultiLineAttribute)), depth + 1, failures);
    }

    /// <summary>
    /// What a provider sent, made fit to keep: each character the rules refuse becomes U+FFFD. Providers' webhooks are
    /// answered, not refused, so their text is cleaned rather than rejected.
    /// </summary>
    public static string Clean(string text, bool multiLine = false, Action<int>? replaced = null)
    {
        if (IsWellFormed(text, multiLine))
            return text;
        var clean = new System.Text.StringBuilder(text.Length);
        var count = 0;
        for (var i = 0; i < text.Length; i += Width(text, i))
        {
            if (RefusedAt(text, i, multiLine))
            {
                clean.Append('\uFFFD');
                count++;
            }
            else
                clean.Append(text, i, Width(text, i));
        }
        replaced?.Invoke(count);
        return clean.ToString();
    }

    private static bool IsWellFormed(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i += Width(text, i))
        {
            if (RefusedAt(text, i, multiLine))
                return false;
        }
        return true;
    }

    /// <summary>A control character (but line breaks and tabs where allowed), or half of a surrogate pair, which is not Unicode.</summary>
    private static bool RefusedAt(string text, int i, bool multiLine) =>
        Width(text, i) == 1 && (char.IsSurrogate(text[i]) || (char.IsControl(text[i]) && !(multiLine && text[i] is '\n' or '\r' or '\t')));

    /// <summary>Two for a whole surrogate pair, otherwise one.</summary>
    private static int Width(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static void CheckYear(int year, string path, List<ValidationFailure> failures)
    {
        if (year is < FirstYear or > LastYear)
            failures.Add(new(path, $"'{path}' must be a date between {FirstYear} and {LastYear}."));
    }
}
