package com.consumer360.refresh;

import org.springframework.stereotype.Component;

/**
 * Lets what runs after a refresh (the weekly digest) say in that run's job history how it went, so an admin sees on
 * `admin/refresh` that digests were delivered or that some failed. Job history rows are not customer-level.
 */
@Component
public class RunNotes {

    private final RunHistory history;

    RunNotes(RunHistory history) {
        this.history = history;
    }

    /** Appends {@code text} to the message of run {@code runId}. */
    public void note(long runId, String text) {
        history.appendMessage(runId, text.length() > 300 ? text.substring(0, 300) : text);
    }
}
