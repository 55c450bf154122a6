package com.consumer360.summary;

import com.consumer360.refresh.RunNotes;
import com.consumer360.refresh.SnapshotPublished;
import com.consumer360.security.AppUser;
import com.consumer360.security.RecipientScope;
import jakarta.mail.internet.MimeMessage;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * After every refresh over all sales: each enabled user who receives the digest gets the summary of the new snapshot,
 * computed with that user's own rights and regions ({@link RecipientScope}, never the job's or an admin's), kept in
 * the portal and, when SMTP is configured and the user has an address, e-mailed with up to three attempts. Nothing here
 * can fail the refresh: it has finished before this runs.
 */
@Component
class DigestJob {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);
    static final int ATTEMPTS = 3;

    private final RecipientScope recipients;
    private final RunNotes notes;
    private final SummaryService summaries;
    private final DigestQueries queries;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;

    DigestJob(RecipientScope recipients, RunNotes notes, SummaryService summaries, DigestQueries queries,
              ObjectProvider<JavaMailSender> mail, @Value("${consumer360.digest.from:consumer360@localhost}") String from,
              @Value("${consumer360.base-url:http://localhost:8080/}") String baseUrl) {
        this.recipients = recipients;
        this.notes = notes;
        this.summaries = summaries;
        this.queries = queries;
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    @EventListener
    void onSnapshotPublished(SnapshotPublished event) {
        int kept = 0;
        int sent = 0;
        int failed = 0;
        for (String username : queries.enabledUsernames()) {
            try {
                String delivery = recipients.callAs(username, () -> digestFor(username, event.snapshotId())).orElse(null);
                if ("SENT".equals(delivery)) {
                    sent++;
                } else if ("FAILED".equals(delivery)) {
                    failed++;
                } else if ("KEPT".equals(delivery)) {
                    kept++;
                }
            } catch (Exception e) {
                failed++;
                log.warn("Digest for {} after refresh {} failed: {}", username, event.runId(), e.getMessage(), e);
            }
        }
        log.info("Digests after refresh {}: {} e-mailed, {} kept in the portal only, {} failed", event.runId(), sent,
                kept, failed);
        try {
            notes.note(event.runId(), "digests: " + sent + " e-mailed, " + kept + " kept in the portal"
                    + (failed == 0 ? "" : ", " + failed + " FAILED (see the log)"));
        } catch (RuntimeException e) {
            log.warn("Could not note the digests in the job history of run {}: {}", event.runId(), e.getMessage());
        }
    }

    /** Runs as the recipient: everything read here is what they may see. Returns the delivery, or null if not subscribed. */
    private String digestFor(String username, long snapshotId) {
        if (!queries.choice(username).orElseGet(DigestService::defaultForRole)) {
            return null;
        }
        WeeklySummary summary = summaries.summary(null, snapshotId, Set.of());
        if (summary.current() == null) {
            return null;
        }
        AppUser reader = (AppUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        Long previous = summary.previous() == null ? null : summary.previous().snapshot().id();
        String link = baseUrl + "summary?to=" + snapshotId + (previous == null ? "" : "&from=" + previous);
        String subject = DigestRenderer.subject(summary);
        String html = DigestRenderer.html(reader.displayName(), summary, link);
        JavaMailSender sender = mail.getIfAvailable();
        String email = queries.email(username);
        boolean send = sender != null && email != null;
        long id = queries.insert(username, snapshotId, previous, subject, html, send ? "PENDING" : "KEPT");
        if (!send) {
            return "KEPT";
        }
        String error = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
                helper.setFrom(from);
                helper.setTo(email);
                helper.setSubject(subject);
                helper.setText(html, true);
                sender.send(message);
                queries.delivered(id, "SENT", attempt, null);
                return "SENT";
            } catch (Exception e) {
                error = e.getMessage();
                log.warn("Digest e-mail to {} (attempt {} of {}) failed: {}", username, attempt, ATTEMPTS, error);
                sleep(500L * attempt);
            }
        }
        queries.delivered(id, "FAILED", ATTEMPTS, error);
        return "FAILED";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
