package com.consumer360.export;

/**
 * Keeps text from being run as a formula when a spreadsheet opens or edits the file (CSV injection): text that
 * starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, as OWASP advises. Names and
 * descriptions come from source systems, so they are not trusted.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    static String guard(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
