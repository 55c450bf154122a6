package com.consumer360.ui;

import java.util.Currency;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Applies {@code consumer360.locale} and {@code consumer360.currency} to {@link Formats} at start. */
@Component
class FormatSettings {

    FormatSettings(@Value("${consumer360.locale:en-GB}") String locale,
                   @Value("${consumer360.currency:GBP}") String currency) {
        Formats.configure(Locale.forLanguageTag(locale), Currency.getInstance(currency.trim().toUpperCase(Locale.ROOT)));
    }
}
