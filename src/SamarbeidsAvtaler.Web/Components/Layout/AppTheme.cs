using MudBlazor;

namespace SamarbeidsAvtaler.Web.Components.Layout;

/// <summary>
/// The one theme: a sober blue for the public health sector. Every colour that carries text meets WCAG
/// AA (4.5:1) against its background: the darker shades are chosen for that, not for looks.
/// </summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F4E79",          // 8.6:1 on white
            PrimaryContrastText = "#FFFFFF",
            Secondary = "#00615F",        // 6.9:1 on white
            SecondaryContrastText = "#FFFFFF",
            Tertiary = "#5B3F8C",
            Info = "#0B5394",             // 7.5:1
            Success = "#1E6B32",          // 6.4:1
            Warning = "#8A4B00",          // 6.6:1: dark amber, readable as text
            WarningContrastText = "#FFFFFF",
            Error = "#B3261E",            // 6.3:1
            Dark = "#263238",
            AppbarBackground = "#1F4E79",
            AppbarText = "#FFFFFF",
            Background = "#F7F8FA",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1D2733",
            DrawerIcon = "#3D4B5C",
            TextPrimary = "#1D2733",      // 14.9:1
            TextSecondary = "#4A5563",    // 7.4:1
            TextDisabled = "#6B7480",     // 4.7:1
            ActionDefault = "#3D4B5C",
            LinesDefault = "#D5DAE1",
            TableLines = "#E3E7EC",
            TableStriped = "#F3F5F8",
            TableHover = "#EAF1F8",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "Segoe UI", "Roboto", "Liberation Sans", "DejaVu Sans", "Arial", "sans-serif"],
            },
            H1 = new H1Typography { FontSize = "2rem", FontWeight = "600", LineHeight = "1.25", LetterSpacing = "0" },
            H2 = new H2Typography { FontSize = "1.5rem", FontWeight = "600", LineHeight = "1.3", LetterSpacing = "0" },
            H3 = new H3Typography { FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.35", LetterSpacing = "0" },
            H4 = new H4Typography { FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            H5 = new H5Typography { FontSize = "1rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            H6 = new H6Typography { FontSize = "0.95rem", FontWeight = "600", LineHeight = "1.4", LetterSpacing = "0" },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "250px" },
    };
}
