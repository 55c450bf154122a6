package com.consumer360.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts for a user name after {@code max-failures} failed ones within {@code window}, until the
 * window has passed: the attempt is answered like a wrong password (no hint whether the user exists) and reported as
 * {@link SignInThrottled} (audited). Per node, in memory: several nodes each allow the limit.
 */
@Component
class SignInThrottle {

    private final int maxFailures;
    private final Duration window;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    SignInThrottle(@Value("${consumer360.security.sign-in.max-failures:5}") int maxFailures,
                   @Value("${consumer360.security.sign-in.window:PT15M}") Duration window,
                   ApplicationEventPublisher events) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.events = events;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Deque<Instant> times = failures.computeIfAbsent(key(event.getAuthentication().getName()), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
            while (times.size() > maxFailures * 2) {
                times.removeFirst();
            }
        }
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    /** Recent failures of the user name if they reach the limit, else 0. */
    int throttled(String username) {
        Deque<Instant> times = failures.get(key(username));
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant since = clock.instant().minus(window);
            times.removeIf(t -> t.isBefore(since));
            return times.size() >= maxFailures ? times.size() : 0;
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    /** The filter in front of the form login. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("POST".equals(request.getMethod())
                        && "/login".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
                    String username = request.getParameter("username");
                    int recent = throttled(username);
                    if (recent > 0) {
                        events.publishEvent(new SignInThrottled(username, recent));
                        response.sendRedirect(request.getContextPath() + "/login?error");
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }
}
