using System.Diagnostics;

namespace SamarbeidsAvtaler.Testing;

/// <summary>poppler-utils (pdftotext, pdfinfo, pdffonts) on a PDF's bytes, to check what a reader would get.</summary>
public static class PdfTools
{
    public static Task<string> TextAsync(byte[] pdf) => RunAsync("pdftotext", pdf, "-layout", "{file}", "-");

    public static Task<string> InfoAsync(byte[] pdf) => RunAsync("pdfinfo", pdf, "{file}");

    public static Task<string> FontsAsync(byte[] pdf) => RunAsync("pdffonts", pdf, "{file}");

    private static async Task<string> RunAsync(string tool, byte[] pdf, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sa-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg == "{file}" ? file : arg);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
