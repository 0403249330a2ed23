using SamarbeidsAvtaler.Domain;
using SamarbeidsAvtaler.Domain.Committees;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

/// <summary>How the meeting pages and the minutes write statuses, times and places for a Norwegian reader.</summary>
public static class MeetingFormat
{
    public static string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Planlagt",
        MeetingStatus.Held => "Holdt",
        MeetingStatus.Cancelled => "Avlyst",
        _ => status.ToString(),
    };

    public static string Minutes(MinutesStatus? status, DateOnly? publishedOn = null) => status switch
    {
        null => "Ikke skrevet",
        MinutesStatus.Draft => "Utkast",
        MinutesStatus.Approved when publishedOn is not null => "Godkjent og publisert",
        MinutesStatus.Approved => "Godkjent",
        _ => status.Value.ToString(),
    };

    public static string Attendance(AttendanceKind kind) => kind switch
    {
        AttendanceKind.Present => "Til stede",
        AttendanceKind.DeputyPresent => "Vara møtte",
        AttendanceKind.Absent => "Fravær",
        _ => kind.ToString(),
    };

    public static string Date(DateOnly date) => Norwegian.Date(date);

    /// <summary>"tirsdag 12. mars 2027": the meeting's day as a heading says it.</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d. MMMM yyyy", Norwegian.Culture);

    public static string Time(TimeOnly start, TimeOnly? end) =>
        end is { } e ? $"kl. {start.ToString("HH:mm", Norwegian.Culture)}–{e.ToString("HH:mm", Norwegian.Culture)}" : $"kl. {start.ToString("HH:mm", Norwegian.Culture)}";

    public static string Place(string? location, bool isDigital) => (location, isDigital) switch
    {
        ({ } l, true) => $"{l} og digitalt",
        ({ } l, false) => l,
        (null, true) => "Digitalt møte",
        _ => "Sted ikke oppgitt",
    };
}
