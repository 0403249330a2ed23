namespace SamarbeidsAvtaler.Web.Features.Agreements.Document;

/// <summary>Styles of the agreement document, shared by the PDF and the on-screen "Dokument" view.</summary>
public static class PrintStyles
{
    /// <summary>Only for the printed document: the page and the body.</summary>
    public const string PageCss = """
        @page { size: A4; }
        body { margin: 0; }
        """;

    /// <summary>The document itself, scoped to .doc so the on-screen view can use it inside the app.</summary>
    public const string Css = """
        .doc { font-family: "DejaVu Serif", "Liberation Serif", serif; font-size: 11pt; line-height: 1.45; color: #111; }
        .doc h1 { font-size: 20pt; margin: 0 0 12pt; }
        .doc h2 { font-size: 13pt; margin: 18pt 0 6pt; break-after: avoid; }
        .doc p { margin: 0 0 8pt; }
        .doc-title-page { break-after: page; padding-top: 40mm; }
        .doc-kind { font-size: 12pt; text-transform: uppercase; letter-spacing: 0.05em; color: #444; }
        .doc-between { font-style: italic; }
        .doc-parties { list-style: none; padding: 0; }
        .doc-parties li { margin-bottom: 4pt; }
        .doc-muted { color: #444; }
        .doc-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 12pt 0; }
        .doc-facts dt { font-weight: bold; }
        .doc-facts dd { margin: 0; }
        .doc-section { break-inside: auto; }
        .doc-signatures { break-before: page; }
        .doc-signatures table { width: 100%; border-collapse: collapse; }
        .doc-signatures th, .doc-signatures td { border-bottom: 1px solid #999; padding: 14pt 6pt 6pt; text-align: left; vertical-align: bottom; }
        .doc-draft-mark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 96pt; font-weight: bold;
            color: rgba(180, 0, 0, 0.18); transform: rotate(-30deg); z-index: 10; pointer-events: none; }
        """;
}
