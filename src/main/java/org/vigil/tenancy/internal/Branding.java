package org.vigil.tenancy.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * An organization's branding: a logo shown in the banner of every page and the primary colour of
 * the banner and buttons ({@code GET /branding.css}). Both optional.
 * <p>
 * The logo is a {@code data:} URL (PNG or SVG, base64, at most {@link LogoUrl#MAX_LENGTH}
 * characters) rather than an https address: the pages' content security policy admits images
 * from Vigil itself and {@code data:} only, so a logo on another host would be blocked, and
 * fetching or proxying a configured address would make Vigil call arbitrary hosts. An SVG in an
 * {@code <img>} runs no script.
 */
@Schema(description = "Banner logo and primary colour of the organization's pages; both optional.")
record Branding(
        @Schema(description = "A data:image/png;base64,… or data:image/svg+xml;base64,… URL of at most "
                + LogoUrl.MAX_LENGTH + " characters (https addresses are refused: the content security policy "
                + "admits no images from other hosts).", example = "data:image/png;base64,iVBORw0KGgo…")
        @Size(max = LogoUrl.MAX_LENGTH, message = LogoUrl.MESSAGE) @LogoUrl String logoUrl,
        @Schema(description = "The primary colour as #rrggbb; text on it is white or near-black, whichever "
                + "contrasts more.", example = "#0b6e4f")
        @Pattern(regexp = Branding.COLOUR, message = "must be a colour written #rrggbb, such as #0b6e4f")
        String primaryColor) {

    static final String COLOUR = "^#[0-9a-fA-F]{6}$";
    static final Branding NONE = new Branding(null, null);

    Branding {
        logoUrl = logoUrl == null || logoUrl.isBlank() ? null : logoUrl.trim();
        primaryColor = primaryColor == null || primaryColor.isBlank() ? null
                : primaryColor.trim().toLowerCase(Locale.ROOT);
    }

    /** The colour of text on the primary colour: white or #1b1f23, whichever contrasts more (WCAG). */
    static String textOn(String colour) {
        double background = luminance(colour);
        double withWhite = 1.05 / (background + 0.05);
        double withInk = (background + 0.05) / (luminance("#1b1f23") + 0.05);
        return withWhite >= withInk ? "#fff" : "#1b1f23";
    }

    private static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
