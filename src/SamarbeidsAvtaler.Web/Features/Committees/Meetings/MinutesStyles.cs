using SamarbeidsAvtaler.Web.Features.Agreements.Document;

namespace SamarbeidsAvtaler.Web.Features.Committees.Meetings;

/// <summary>The minutes document's styles: the agreement document's sheet, plus what the minutes add.</summary>
public static class MinutesStyles
{
    public const string Css = PrintStyles.Css + """
        .doc-minutes-text { white-space: pre-wrap; overflow-wrap: anywhere; }
        .doc-agenda { list-style: none; padding: 0; margin: 0 0 8pt; }
        .doc-agenda li { margin-bottom: 8pt; break-inside: avoid; }
        .doc-agenda-label { font-weight: bold; }
        .doc-agenda-description { white-space: pre-wrap; margin: 2pt 0 0; }
        .doc-names { margin: 0 0 8pt; padding-left: 1.2em; }
        .doc-draft-banner { border: 2px solid #b00000; color: #b00000; font-weight: bold; padding: 4pt 8pt; margin-bottom: 12pt; display: inline-block; }
        """;
}
