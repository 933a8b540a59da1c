using System.Globalization;
using CsCheck;

namespace VetOS.TestSupport.Fuzzing;

/// <summary>The values one kind of request is made of; <see cref="Wrong"/> weighs wrong types, missing fields and malformed bodies.</summary>
internal sealed record Palette(Gen<string> Ids, Gen<string> Text, Gen<string> Number, Gen<string> Date, Gen<string> DateTime, int Wrong)
{
    public static Palette Hostile(IReadOnlyList<Guid> knownIds) => new(
        Gen.Frequency<string>((6, Known(knownIds)), (2, Gen.Guid.Select(id => id.ToString())), (1, HostileValues.Text)),
        HostileValues.Text, HostileValues.Number, HostileValues.Date, HostileValues.DateTime, Wrong: 1);

    /// <summary>Values a careful client sends: known ids, plausible text, small numbers, dates near the clinic's today.</summary>
    public static Palette Plausible(IReadOnlyList<Guid> knownIds) => new(
        Known(knownIds), HostileValues.PlausibleText, Gen.Int[0, 60].Select(n => n.ToString(CultureInfo.InvariantCulture)),
        HostileValues.NearDate, HostileValues.NearDateTime, Wrong: 0);

    private static Gen<string> Known(IReadOnlyList<Guid> ids) => Gen.OneOf([.. ids.Select(id => id.ToString())]);
}
