namespace SamarbeidsAvtaler.Web.Setup;

public static class Pipeline
{
    public static WebApplication UseAppPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // A friendly page without a stack trace; the details go to the log with the request id.
            app.UseExceptionHandler("/feil", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/feil/{0}", createScopeForStatusCodePages: true);
        // Norwegian dates and numbers everywhere (nb-NO), whatever the browser asks for.
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("nb-NO").AddSupportedCultures("nb-NO").AddSupportedUICultures("nb-NO"));
        app.Use(SecurityHeaders);
        app.UseAppRequestLogging();
        app.UseDatabaseUnavailablePage();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseUserLogContext();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
        return next();
    }

}
