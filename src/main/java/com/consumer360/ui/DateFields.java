package com.consumer360.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Locale;

/**
 * Date fields that read and show dates as the portal writes them everywhere, ISO yyyy-mm-dd, whatever the browser's
 * language (a US browser read 01/06/2026 as 6 January), weeks from Monday, with a message for text that is no date.
 */
public final class DateFields {

    /** The message under a field whose text is not a date. */
    public static final String BAD_INPUT = "Enter a date as yyyy-mm-dd, for example 2026-06-01.";

    private DateFields() {
    }

    public static DatePicker iso(String label) {
        DatePicker field = new DatePicker(label);
        field.setLocale(Locale.UK);
        field.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1)
                .setBadInputErrorMessage(BAD_INPUT));
        return field;
    }
}
