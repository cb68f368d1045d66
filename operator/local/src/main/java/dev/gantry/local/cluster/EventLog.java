package dev.gantry.local.cluster;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Prints the Events that reach the API as they come, one line each, so that the person who started local mode sees
 * what the operator does (a revision rolling out, a rollback, a crash loop) without asking.
 */
public final class EventLog implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SharedIndexInformer<Event> informer;

    private EventLog(SharedIndexInformer<Event> informer) {
        this.informer = informer;
    }

    public static EventLog follow(KubernetesClient client, PrintStream out) {
        var handler = new ResourceEventHandler<Event>() {
            @Override
            public void onAdd(Event event) {
                out.println(line(event));
            }

            @Override
            public void onUpdate(Event oldEvent, Event newEvent) {}

            @Override
            public void onDelete(Event event, boolean deletedFinalStateUnknown) {}
        };
        return new EventLog(client.events().v1().events().inAnyNamespace().inform(handler, 0));
    }

    static String line(Event event) {
        var regarding = event.getRegarding();
        var object = regarding == null ? "" : regarding.getKind().toLowerCase(Locale.ROOT) + "/" + regarding.getName();
        return String.format(
                "%s  %-7s %-22s %-28s %s",
                LocalTime.now().format(TIME),
                event.getType(),
                event.getReason(),
                object,
                event.getNote() == null ? "" : event.getNote());
    }

    @Override
    public void close() {
        informer.close();
    }
}
