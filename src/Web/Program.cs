using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using VetOS.Application;
using VetOS.Application.Bookings;
using VetOS.Application.Common;
using VetOS.Infrastructure;
using VetOS.Infrastructure.Clinics;
using VetOS.Infrastructure.Database;
using VetOS.Infrastructure.Health;
using VetOS.Infrastructure.Messaging.Dispatch;
using VetOS.Application.Accounts;
using VetOS.Web.Accounts;
using VetOS.Web.Auth;
using VetOS.Web.Dev;
using VetOS.Web.Bookings;
using VetOS.Web.Clinics;
using VetOS.Web.Consents;
using VetOS.Web.Conversations;
using VetOS.Web.Home;
using VetOS.Web.Messaging;
using VetOS.Web.Ops;
using VetOS.Web.Owners;
using VetOS.Web.PrivacyRequests;
using VetOS.Web.Problems;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("VETOS_");

var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
builder.Services.AddVetOSInfrastructure(database.ConnectionString, builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
var allowDevelopmentActor = builder.Configuration.GetValue<bool>("Auth:DevelopmentActorHeader");
builder.Services.AddScoped<ICurrentActor>(sp => new HttpActor(sp.GetRequiredService<IHttpContextAccessor>(), allowDevelopmentActor));
var plainHttp = builder.Configuration.GetValue<bool>(PlainHttp.Setting);
builder.Services.AddSessionCookie(plainHttp);
builder.Services.AddAccountProtection(plainHttp);
builder.Services.AddSingleton<TwilioWebhookVerifier>();

builder.Services.AddMediator((MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(AuthorizationBehavior<,>), typeof(ValidationBehavior<,>), typeof(AccessLogBehavior<,>)];
});
builder.Services.AddVetOSApplication();
builder.Services.AddScoped<VetOS.Application.Consents.IRequestEvidence, HttpRequestEvidence>();
builder.Services.AddSingleton<PasswordResetQueue>();
builder.Services.AddSingleton<IPasswordResetRequests>(sp => sp.GetRequiredService<PasswordResetQueue>());
builder.Services.AddHostedService(sp => sp.GetRequiredService<PasswordResetQueue>());

builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(options => options.AddOperationTransformer<ServiceUnavailableResponse>());
builder.Services.AddRazorPages(options =>
    {
        options.RootDirectory = "/Portal";
        options.Conventions.AuthorizeFolder("/Me");
    })
    // The pipeline's validators judge what pages send, as they judge the API's bodies.
    .AddMvcOptions(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);

var app = builder.Build();

if (args.Contains("migrate"))
{
    await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
    return;
}
if (database.MigrateOnStartup)
    await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync();
if (args.Contains("dispatch"))
{
    await DispatchCommand.RunAsync(app.Services);
    return;
}
if (database.SeedDemo)
    await DemoSeed.RunAsync(app.Services);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAccountProtection();
app.UseJobsDashboard();

app.MapOpenApi();
app.MapScalarApiReference("/docs", options => options.WithTitle("VetOS API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = (context, report) => context.Response.WriteAsJsonAsync(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Description),
    }),
});
app.MapHomePage();
app.MapAccounts();
if (builder.Configuration.GetValue<bool>("Messaging:ShowOutbox"))
    app.MapOutboxPage();
app.MapBookings();
app.MapClinicSetup();
app.MapClinics();
app.MapOwners();
app.MapConsents();
app.MapConsentAudit();
app.MapReminderPolicy();
app.MapWebhooks();
app.MapDeliveryLog();
app.MapPrivacyRequests();
app.MapConversations();
app.MapRazorPages();

await app.RunAsync();

public partial class Program;
