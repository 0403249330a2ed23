using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace SamarbeidsAvtaler.Web.Tests.Agreements;

/// <summary>Drives the agreement editor as a browser without JavaScript would.</summary>
public static partial class EditorClient
{
    public static Dictionary<string, string> Operating(string title, Guid? municipalityId = null) => new()
    {
        ["Form.Kind"] = "OperatingAgreement",
        ["Form.Title"] = title,
        ["Form.Language"] = "Bokmal",
        ["Form.ValidFrom"] = "2026-01-01",
        ["Form.NoticePeriodMonths"] = "6",
        ["Form.PracticeSpecialty"] = "Øyesykdommer",
        ["Form.PracticeMunicipalityId"] = municipalityId?.ToString() ?? string.Empty,
        ["Form.PracticeAddress"] = "Eksempelgata 1, 5003 Bergen",
        ["Form.PracticeSharePercent"] = "100",
        ["Form.PracticeHoursPerWeek"] = "37,5",
        ["Form.PracticeWeeksPerYear"] = "44",
        ["Form.Intent"] = "lagre",
    };

    public static Dictionary<string, string> SpecialistCooperation(string title) => new()
    {
        ["Form.Kind"] = "SpecialistCooperationAgreement",
        ["Form.Title"] = title,
        ["Form.Language"] = "Bokmal",
        ["Form.ValidFrom"] = "2026-02-01",
        ["Form.NoticePeriodMonths"] = "3",
        ["Form.MeetingFrequency"] = "To ganger i året",
        ["Form.ContactRoutines"] = "Fast kontaktperson i poliklinikken.",
        ["Form.Intent"] = "lagre",
    };

    public static Dictionary<string, string> Municipal(string title, string level, Guid? parent = null, string? binding = null, string validFrom = "2022-08-01") => new()
    {
        ["Form.Kind"] = "MunicipalCooperationAgreement",
        ["Form.Title"] = title,
        ["Form.Language"] = "Nynorsk",
        ["Form.ValidFrom"] = validFrom,
        ["Form.Level"] = level,
        ["Form.ParentAgreementId"] = parent?.ToString() ?? string.Empty,
        ["Form.IsLegallyBinding"] = binding ?? string.Empty,
        ["Form.Replaces"] = "overordnet samarbeidsavtale av 01.07.2012",
        ["Form.Intent"] = "lagre",
    };

    public static string KindOf(Dictionary<string, string> fields) => fields["Form.Kind"];

    /// <summary>Step 1: creates the draft and returns its id; the app continues to the parties (step 2).</summary>
    public static async Task<Guid> CreateAsync(this HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync($"/avtaler/ny?type={KindOf(fields)}", "details", fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "creating {0} should succeed, but the page said: {1}",
            fields["Form.Title"], Errors(await response.HtmlAsync()));
        var path = response.RedirectPath();
        path.Should().MatchRegex("^/avtaler/[0-9a-f-]{36}/rediger/parter\\?ny=1$");
        return Guid.Parse(path.Split('/')[2]);
    }

    public static Task<HttpResponseMessage> AddPartyAsync(this HttpClient client, Guid agreementId, Guid partyId) =>
        client.PostFormAsync($"/avtaler/{agreementId}/rediger/parter", "add-party", new() { ["partId"] = partyId.ToString() });

    public static async Task AddPartiesAsync(this HttpClient client, Guid agreementId, params Guid[] partyIds)
    {
        foreach (var partyId in partyIds)
        {
            var response = await client.AddPartyAsync(agreementId, partyId);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, "adding a party should succeed, but the page said: {0}", Errors(await response.HtmlAsync()));
        }
    }

    public static async Task<Guid> PartyIdAsync(this AppFactory app, string name)
    {
        await using var db = app.Database.CreateDbContext();
        return await db.Parties.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    /// <summary>Posts fields that may repeat (checkboxes), with a token read from <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostPairsAsync(this HttpClient client, string url, string formName,
        IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null)
    {
        var html = await client.GetStringAsync(tokenPage ?? url);
        var token = AntiforgeryToken().Match(html);
        token.Success.Should().BeTrue("the page {0} should contain an antiforgery token", tokenPage ?? url);
        var body = fields.Append(new("_handler", formName)).Append(new("__RequestVerificationToken", token.Groups[1].Value));
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    public static Task<HttpResponseMessage> PostWithTokenFromAsync(this HttpClient client, string tokenPage, string url, string formName, Dictionary<string, string> fields) =>
        client.PostPairsAsync(url, formName, fields, tokenPage);

    public static async Task<HttpResponseMessage> HtmxGetAsync(this HttpClient client, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    /// <summary>The validation and alert texts of a page, for assertion messages.</summary>
    public static string Errors(string html) =>
        string.Join(" | ", ErrorText().Matches(html).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", " ").Trim()));

    /// <summary>True when a radio or checkbox with this name and value is rendered checked.</summary>
    public static bool IsChecked(string html, string name, string value) =>
        Regex.Matches(html, "<input[^>]*>").Any(m => m.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal)
            && m.Value.Contains($"value=\"{value}\"", StringComparison.Ordinal) && m.Value.Contains(" checked", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<(?:div|li) class=\"(?:ds-validation-message|ds-alert)[^\"]*\"[^>]*>(.*?)</(?:div|li)>", RegexOptions.Singleline)]
    private static partial Regex ErrorText();
}
