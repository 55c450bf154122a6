package com.consumer360.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.consumer360.support.PortalIntegration;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The running portal's logging: expected events are quiet, real errors stay loud. */
@PortalIntegration
class QuietLogTest {

    @Test
    void aClosedBrowserTabIsNoErrorButOtherPushFailuresAre() {
        Logger push = (Logger) LoggerFactory.getLogger(ClosedPushConnectionFilter.PUSH_LOGGER);
        Logger other = (Logger) LoggerFactory.getLogger("com.consumer360.somewhere");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        push.addAppender(seen);
        other.addAppender(seen);
        try {
            push.error("Exception in push connection", new IllegalStateException(
                    "The WebSocket session [3] has been closed and no method (apart from close()) may be called on a "
                            + "closed session"));
            push.error("Exception in push connection", new IOException("wrapped", new ClosedChannelException()));
            assertThat(seen.list).as("a tab that went away").isEmpty();

            push.error("Exception in push connection", new IllegalArgumentException("bad message"));
            other.error("Something failed", new IllegalStateException("The WebSocket session [3] has been closed"));
            assertThat(seen.list).extracting(ILoggingEvent::getMessage)
                    .containsExactly("Exception in push connection", "Something failed");
        } finally {
            push.detachAppender(seen);
            other.detachAppender(seen);
        }
    }

    @Test
    void jooqsDialectVersionNoteIsQuietAndJooqsOtherWarningsAreNot() {
        assertThat(LoggerFactory.getLogger("org.jooq.impl.DefaultExecuteContext.logVersionSupport").isWarnEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("org.jooq.impl.DefaultExecuteContext").isWarnEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("org.jooq.Constants").isWarnEnabled()).isTrue();
    }
}
