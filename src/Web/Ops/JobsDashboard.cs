using Hangfire;
using Hangfire.Dashboard;
using VetOS.Application.Common;
using VetOS.Domain;

namespace VetOS.Web.Ops;

/// <summary>
/// Hangfire's dashboard at <c>/ops/jobs</c>, for platform operators only; anyone else gets a 403. It is built on its
/// first request, so a host that never shows it never touches Hangfire's storage.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/ops/jobs";

    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch =>
        {
            branch.Use(async (context, next) =>
            {
                if (IsOperator(context))
                    await next(context);
                else
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
            });
            RequestDelegate? dashboard = null;
            branch.Use(next => context =>
            {
                dashboard ??= Build(branch.ApplicationServices, next);
                return dashboard(context);
            });
        });

    private static RequestDelegate Build(IServiceProvider services, RequestDelegate next)
    {
        var builder = new ApplicationBuilder(services);
        builder.UseHangfireDashboard(Path, new DashboardOptions
        {
            DashboardTitle = "VetOS jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            Authorization = [new OperatorsOnly()],
            // Its buttons are writes like any other: refused from other sites (CrossSiteWrites) and sent only with the
            // SameSite session cookie. Hangfire's own antiforgery check would also refuse plain HTTP in development.
            IgnoreAntiforgeryToken = true,
        });
        builder.Run(next);
        return builder.Build();
    }

    private static bool IsOperator(HttpContext context) =>
        context.RequestServices.GetRequiredService<ICurrentActor>().Actor is { Role: ActorRole.Operator };

    private sealed class OperatorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => IsOperator(context.GetHttpContext());
    }
}
