using System.Globalization;
using VetOS.Bench;
using VetOS.Bench.Booking;
using VetOS.Bench.Consent;
using VetOS.Bench.Enumeration;
using VetOS.Bench.EventStore;
using VetOS.Bench.Fuzz;
using VetOS.Bench.Messages;
using VetOS.Bench.Privacy;
using VetOS.Bench.Report;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

IBenchmark[] benchmarks =
    [new EventStoreBenchmark(), new BookingBenchmark(), new ConsentBenchmark(), new MessagesBenchmark(), new EnumerationBenchmark(), new PrivacyBenchmark(), new FuzzBenchmark()];
var selected = benchmarks.Where(b => options.Only.Count == 0 || options.Only.Contains(b.Name)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine($"No benchmark is called {string.Join(", ", options.Only)}; there are: {string.Join(", ", benchmarks.Select(b => b.Name))}.");
    return 2;
}

var serverConnectionString = Environment.GetEnvironmentVariable("VETOS_DATABASE__CONNECTIONSTRING");
if (string.IsNullOrWhiteSpace(serverConnectionString))
{
    Console.Error.WriteLine("Set VETOS_DATABASE__CONNECTIONSTRING (./vetos bench does).");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

await using var database = await BenchDatabase.CreateAsync(serverConnectionString, options.DatabaseName, cancellation.Token);
var machine = await MachineInfo.CollectAsync(database.DataSource, options, cancellation.Token);
Progress.Write($"database {options.DatabaseName} ready; {options.Duration.TotalSeconds:0} s per measurement after {options.WarmUp.TotalSeconds:0} s warm-up");

var sections = new List<BenchSection>();
foreach (var benchmark in selected)
    sections.Add(await benchmark.RunAsync(new BenchContext(options, database, serverConnectionString), cancellation.Token));

Console.WriteLine();
foreach (var line in machine)
    Console.WriteLine(line);
foreach (var section in sections)
    ConsoleTable.Print(section);

if (options.OutputPath is not null)
{
    var existing = File.Exists(options.OutputPath) ? await File.ReadAllTextAsync(options.OutputPath) : null;
    await File.WriteAllTextAsync(options.OutputPath, MarkdownReport.Render(existing, machine, sections));
    Console.WriteLine($"Wrote {options.OutputPath}");
}
return 0;
