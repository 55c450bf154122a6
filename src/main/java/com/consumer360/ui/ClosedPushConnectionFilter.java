package com.consumer360.ui;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.EOFException;
import java.nio.channels.ClosedChannelException;
import org.slf4j.Marker;

/**
 * Drops Vaadin's "Exception in push connection" ERROR when the exception only says that the browser tab has gone
 * (a closed WebSocket session or channel): an expected event, not something an operator should be woken for. Any
 * other push exception, and every other logger's errors, are logged as before. Registered in logback-spring.xml.
 */
public class ClosedPushConnectionFilter extends TurboFilter {

    static final String PUSH_LOGGER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (t != null && level == Level.ERROR && PUSH_LOGGER.equals(logger.getName()) && closedConnection(t)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    static boolean closedConnection(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof ClosedChannelException || cause instanceof EOFException
                    || (cause instanceof IllegalStateException && message.contains("WebSocket session")
                            && message.contains("closed"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
