namespace VetOS.TestSupport;

/// <summary>
/// Polls an eventually consistent read until it holds or the deadline passes; never a fixed sleep. The default deadline
/// is generous, since two test assemblies share two cores: it costs time only when the read never holds.
/// </summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> holds, TimeSpan? within = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var value = await read();
            if (holds(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Still not true after the deadline: {because ?? "condition"}; last value: {value}");
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
        }
    }
}
