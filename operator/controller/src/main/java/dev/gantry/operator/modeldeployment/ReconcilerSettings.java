package dev.gantry.operator.modeldeployment;

import dev.gantry.operator.render.OperatorDefaults;
import java.time.Duration;

/**
 * The ModelDeployment controller's settings.
 *
 * @param defaults operator-wide rendering defaults (images, runtime log format)
 * @param recheckInterval how soon a ModelDeployment waiting for a user fix (a missing Secret) is looked at again
 * @param progressResync how soon a ModelDeployment that is still progressing is looked at again, besides the
 *     events its children raise
 * @param instance this operator instance's name, for Events' reportingInstance
 */
public record ReconcilerSettings(
        OperatorDefaults defaults, Duration recheckInterval, Duration progressResync, String instance) {}
