package com.consumer360.refresh;

import com.consumer360.security.CallerScope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Tells listeners in this JVM (the admin page, via server push) how a refresh progresses. */
@Component
public class RefreshProgressBroadcaster {

    private final List<Consumer<RefreshProgress>> listeners = new CopyOnWriteArrayList<>();

    /**
     * Registers a listener; run the returned action to remove it. The listener runs as the user who registered it
     * ({@link CallerScope}), never in the refresh's system scope, whichever thread publishes.
     */
    public Runnable register(Consumer<RefreshProgress> listener) {
        Consumer<RefreshProgress> scoped = CallerScope.bind(listener);
        listeners.add(scoped);
        return () -> listeners.remove(scoped);
    }

    void publish(RefreshProgress progress) {
        for (Consumer<RefreshProgress> listener : listeners) {
            try {
                listener.accept(progress);
            } catch (RuntimeException ignored) {
                // A closed browser tab must not break the refresh.
            }
        }
    }
}
