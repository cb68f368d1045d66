package dev.gantry.operator.modeldeployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/** Records {@code events.k8s.io/v1} Events on a ModelDeployment or ModelRollout, as {@code kubectl describe} shows them. */
public class EventRecorder {

    public static final String CONTROLLER = "gantry.dev/gantry-operator";
    private static final int MAX_NOTE = 1024;
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final Clock clock;
    private final String instance;

    public EventRecorder(KubernetesClient client, Clock clock, String instance) {
        this.client = client;
        this.clock = clock;
        this.instance = instance;
    }

    public void normal(HasMetadata md, String reason, String note) {
        record(md, "Normal", reason, note);
    }

    public void warning(HasMetadata md, String reason, String note) {
        record(md, "Warning", reason, note);
    }

    private void record(HasMetadata md, String type, String reason, String note) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        var event = new EventBuilder()
                .withNewMetadata()
                .withName(md.getMetadata().getName() + "." + suffix)
                .withNamespace(md.getMetadata().getNamespace())
                .endMetadata()
                .withRegarding(new ObjectReferenceBuilder()
                        .withApiVersion(md.getApiVersion())
                        .withKind(md.getKind())
                        .withName(md.getMetadata().getName())
                        .withNamespace(md.getMetadata().getNamespace())
                        .withUid(md.getMetadata().getUid())
                        .withResourceVersion(md.getMetadata().getResourceVersion())
                        .build())
                .withType(type)
                .withReason(reason)
                .withAction("Reconcile")
                .withNote(note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE - 3) + "..." : note)
                .withEventTime(new MicroTime(DateTimeFormatter.ISO_INSTANT.format(now)))
                .withReportingController(CONTROLLER)
                .withReportingInstance(instance)
                .build();
        try {
            client.resource(event).create();
            LOG.debugf("%s event %s: %s", type, reason, note);
        } catch (KubernetesClientException e) {
            // An Event is a courtesy: failing to record one never fails a reconcile.
            LOG.warnf("Could not record %s event %s: %s", type, reason, e.getMessage());
        }
    }
}
