namespace SamarbeidsAvtaler.Web.Features.Deviations;

public static class DeviationServicesRegistration
{
    /// <summary>The services of the deviation register (report, list, case page) (scoped: one per circuit or request).</summary>
    public static IServiceCollection AddDeviationServices(this IServiceCollection services)
    {
        services.AddOptions<DeviationOptions>()
            .BindConfiguration(DeviationOptions.Section)
            .Validate(o => o.AnswerDeadlineDays is >= DeviationOptions.MinDeadlineDays and <= DeviationOptions.MaxDeadlineDays,
                $"Deviations:AnswerDeadlineDays must be from {DeviationOptions.MinDeadlineDays} to {DeviationOptions.MaxDeadlineDays} days.")
            .ValidateOnStart();
        services.AddScoped<DeviationService>();
        return services;
    }
}
