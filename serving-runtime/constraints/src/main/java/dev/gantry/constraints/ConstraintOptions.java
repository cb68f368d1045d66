package dev.gantry.constraints;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How a constraint is compiled: JSON layout (whitespace, property order), the explicit relaxations
 * for JSON Schema keywords a grammar cannot enforce, and the limits that keep compilation bounded.
 * Immutable; build with {@link #builder()}. Everything but the timeout and the cancellation signal is
 * part of the compiled-constraint cache key.
 */
public final class ConstraintOptions {
    public static final ConstraintOptions DEFAULTS = builder().build();

    private final Whitespace whitespace;
    private final PropertyOrder propertyOrder;
    private final boolean oneOfAsAnyOf;
    private final boolean ignoreUniqueItems;
    private final boolean ignoreUnknownFormats;
    private final int maxAnyOrderProperties;
    private final Duration compileTimeout;
    private final BooleanSupplier cancelled;
    private final int maxAutomatonStates;
    private final int maxParseStacks;

    private ConstraintOptions(Builder b) {
        this.whitespace = b.whitespace;
        this.propertyOrder = b.propertyOrder;
        this.oneOfAsAnyOf = b.oneOfAsAnyOf;
        this.ignoreUniqueItems = b.ignoreUniqueItems;
        this.ignoreUnknownFormats = b.ignoreUnknownFormats;
        this.maxAnyOrderProperties = b.maxAnyOrderProperties;
        this.compileTimeout = b.compileTimeout;
        this.cancelled = b.cancelled;
        this.maxAutomatonStates = b.maxAutomatonStates;
        this.maxParseStacks = b.maxParseStacks;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.whitespace = whitespace;
        b.propertyOrder = propertyOrder;
        b.oneOfAsAnyOf = oneOfAsAnyOf;
        b.ignoreUniqueItems = ignoreUniqueItems;
        b.ignoreUnknownFormats = ignoreUnknownFormats;
        b.maxAnyOrderProperties = maxAnyOrderProperties;
        b.compileTimeout = compileTimeout;
        b.cancelled = cancelled;
        b.maxAutomatonStates = maxAutomatonStates;
        b.maxParseStacks = maxParseStacks;
        return b;
    }

    public Whitespace whitespace() {
        return whitespace;
    }

    public PropertyOrder propertyOrder() {
        return propertyOrder;
    }

    /** Compile {@code oneOf} as {@code anyOf} when its branches may overlap (off: such schemas are refused). */
    public boolean oneOfAsAnyOf() {
        return oneOfAsAnyOf;
    }

    /** Accept {@code uniqueItems: true} without enforcing it (off: such schemas are refused). */
    public boolean ignoreUniqueItems() {
        return ignoreUniqueItems;
    }

    /** Accept unknown {@code format} values without enforcing them (off: such schemas are refused). */
    public boolean ignoreUnknownFormats() {
        return ignoreUnknownFormats;
    }

    public int maxAnyOrderProperties() {
        return maxAnyOrderProperties;
    }

    public Duration compileTimeout() {
        return compileTimeout;
    }

    public BooleanSupplier cancelled() {
        return cancelled;
    }

    public int maxAutomatonStates() {
        return maxAutomatonStates;
    }

    public int maxParseStacks() {
        return maxParseStacks;
    }

    /** The options that change the compiled form, as text. */
    public String cacheKey() {
        return "ws=" + whitespace.maxRun() + ",order=" + propertyOrder + ",oneOfAsAnyOf=" + oneOfAsAnyOf
                + ",ignoreUniqueItems=" + ignoreUniqueItems + ",ignoreUnknownFormats=" + ignoreUnknownFormats
                + ",anyOrderMax=" + maxAnyOrderProperties + ",states=" + maxAutomatonStates + ",stacks="
                + maxParseStacks;
    }

    /** Mutable builder with the documented defaults. */
    public static final class Builder {
        private Whitespace whitespace = Whitespace.DEFAULT;
        private PropertyOrder propertyOrder = PropertyOrder.DECLARED;
        private boolean oneOfAsAnyOf;
        private boolean ignoreUniqueItems;
        private boolean ignoreUnknownFormats;
        private int maxAnyOrderProperties = 8;
        private Duration compileTimeout = Duration.ofSeconds(2);
        private BooleanSupplier cancelled = () -> false;
        private int maxAutomatonStates = 200_000;
        private int maxParseStacks = 2_000;

        private Builder() {}

        public Builder whitespace(Whitespace whitespace) {
            this.whitespace = whitespace;
            return this;
        }

        public Builder propertyOrder(PropertyOrder propertyOrder) {
            this.propertyOrder = propertyOrder;
            return this;
        }

        public Builder oneOfAsAnyOf(boolean value) {
            this.oneOfAsAnyOf = value;
            return this;
        }

        public Builder ignoreUniqueItems(boolean value) {
            this.ignoreUniqueItems = value;
            return this;
        }

        public Builder ignoreUnknownFormats(boolean value) {
            this.ignoreUnknownFormats = value;
            return this;
        }

        public Builder maxAnyOrderProperties(int value) {
            this.maxAnyOrderProperties = value;
            return this;
        }

        /** Compilation that runs longer fails with {@link ConstraintTimeoutException}. */
        public Builder compileTimeout(Duration timeout) {
            this.compileTimeout = timeout;
            return this;
        }

        /** Polled during compilation; true stops it with {@link ConstraintTimeoutException}. */
        public Builder cancelled(BooleanSupplier cancelled) {
            this.cancelled = cancelled;
            return this;
        }

        public Builder maxAutomatonStates(int value) {
            this.maxAutomatonStates = value;
            return this;
        }

        public Builder maxParseStacks(int value) {
            this.maxParseStacks = value;
            return this;
        }

        public ConstraintOptions build() {
            return new ConstraintOptions(this);
        }
    }
}
