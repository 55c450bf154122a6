package com.consumer360.refresh;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the refresh ({@code consumer360.refresh.*}).
 *
 * @param cron             Quartz cron of the scheduled run (default Monday 03:00)
 * @param retention        snapshots kept, the current one included
 * @param minSupport       basket rules: minimum support
 * @param minConfidence    basket rules: minimum confidence
 * @param maxLength        basket rules: most items in a rule
 * @param clvMonths        CLV horizon in months
 * @param discountRate     CLV monthly discount rate
 * @param holdoutWeeks     weeks held out to check the CLV model's fit (0 = no check)
 */
@ConfigurationProperties("consumer360.refresh")
public record RefreshOptions(String cron, int retention, double minSupport, double minConfidence, int maxLength,
                             int clvMonths, double discountRate, int holdoutWeeks) {

    public RefreshOptions {
        if (cron == null || cron.isBlank() || retention < 1 || !(minSupport > 0 && minSupport <= 1)
                || !(minConfidence >= 0 && minConfidence <= 1) || maxLength < 2 || clvMonths < 1
                || discountRate < 0 || holdoutWeeks < 0) {
            throw new IllegalArgumentException("invalid consumer360.refresh settings: " + this);
        }
    }
}
