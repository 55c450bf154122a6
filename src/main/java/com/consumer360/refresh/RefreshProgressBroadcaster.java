package com.consumer360.refresh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** Tells listeners in this JVM (the admin page, via server push) how a refresh progresses. */
@Component
public class RefreshProgressBroadcaster {

    private final List<Consumer<RefreshProgress>> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener; run the returned action to remove it. */
    public Runnable register(Consumer<RefreshProgress> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
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
