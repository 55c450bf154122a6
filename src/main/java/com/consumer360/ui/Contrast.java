package com.consumer360.ui;

import java.util.Locale;

/**
 * Text colour for coloured cells (heatmaps) by the WCAG 2.x contrast ratio: black or white, whichever contrasts
 * more with the background. One of the two always reaches at least 4.58:1, above AA's 4.5:1 for normal text.
 */
public final class Contrast {

    public static final String BLACK = "#000000";
    public static final String WHITE = "#ffffff";

    private Contrast() {
    }

    /** The opaque colour of {@code rgb} drawn with the given opacity over white, as #rrggbb. */
    public static String overWhite(int[] rgb, double alpha) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", blend(rgb[0], alpha), blend(rgb[1], alpha),
                blend(rgb[2], alpha));
    }

    /** Black or white, whichever has the higher contrast ratio with the background (#rrggbb). */
    public static String textOn(String background) {
        return ratio(background, BLACK) >= ratio(background, WHITE) ? BLACK : WHITE;
    }

    /** WCAG 2.x contrast ratio of two #rrggbb colours, 1 to 21. */
    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2.x relative luminance of a #rrggbb colour. */
    static double luminance(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(value >> 16 & 0xff) + 0.7152 * channel(value >> 8 & 0xff)
                + 0.0722 * channel(value & 0xff);
    }

    private static double channel(int c8) {
        double c = c8 / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int blend(int channel, double alpha) {
        return (int) Math.round(alpha * channel + (1 - alpha) * 255);
    }
}
