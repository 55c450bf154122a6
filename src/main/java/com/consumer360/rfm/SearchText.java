package com.consumer360.rfm;

/** What the customer search accepts, for the service and for its page's message. */
public final class SearchText {

    private SearchText() {
    }

    /** Whether the text is long enough to search for: {@link CustomerSearchService#MIN_LENGTH} characters, or one digit (an id). */
    public static boolean searchable(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.length() >= CustomerSearchService.MIN_LENGTH
                || trimmed.length() == 1 && Character.isDigit(trimmed.charAt(0));
    }
}
