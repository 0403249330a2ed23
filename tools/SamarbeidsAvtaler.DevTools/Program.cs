using SamarbeidsAvtaler.Web.Setup;

namespace SamarbeidsAvtaler.DevTools;

/// <summary>
/// <c>dotnet SamarbeidsAvtaler.DevTools.dll generate-agreements [--count N] | benchmark-pdf | benchmark-search [options]
/// | benchmark-browser [options] | benchmark-circuits [options]</c>: builds the product's app (same configuration and services) and runs one tool
/// against it; benchmark-browser and benchmark-circuits instead drive Chromium against an app already running. A named class, not
/// top-level statements, since the product's own <c>Program</c> is public.
/// </summary>
internal static class DevToolsProgram
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.FirstOrDefault();
        if (command is not (GenerateAgreementsCommand.Name or PdfBenchmarkCommand.Name or SearchBenchmarkCommand.Name or BrowserBenchmarkCommand.Name or CircuitBenchmarkCommand.Name))
        {
            await Console.Error.WriteLineAsync(
                $"Bruk: SamarbeidsAvtaler.DevTools {GenerateAgreementsCommand.Name} [--count N] | {PdfBenchmarkCommand.Name} | {SearchBenchmarkCommand.Name} [valg] | {BrowserBenchmarkCommand.Name} [valg] | {CircuitBenchmarkCommand.Name} [valg]");
            return 2;
        }

        var options = args.Skip(1).ToArray();
        if (command == BrowserBenchmarkCommand.Name)
        {
            // Talks to a running app over HTTP: no app of its own.
            return await BrowserBenchmarkCommand.RunAsync(options);
        }

        if (command == CircuitBenchmarkCommand.Name)
        {
            return await CircuitBenchmarkCommand.RunAsync(options);
        }

        var app = AppHost.Build(options, applicationName: typeof(AppHost).Assembly.GetName().Name);
        if (command == GenerateAgreementsCommand.Name)
        {
            return await GenerateAgreementsCommand.RunAsync(app.Services, options);
        }

        if (command == SearchBenchmarkCommand.Name)
        {
            return await SearchBenchmarkCommand.RunAsync(app.Services, options);
        }

        await app.UseAppAsync();
        return await PdfBenchmarkCommand.RunAsync(app);
    }
}
