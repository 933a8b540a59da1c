namespace VetOS.Bench;

internal static class Progress
{
    public static void Write(string message) => Console.Error.WriteLine($"bench: {message}");
}
