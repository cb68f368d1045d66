package dev.gantry.constraints;

/** The kinds of constraint, named as the metrics contract labels them. */
public enum ConstraintKind {
    CHOICE("choice"),
    REGEX("regex"),
    JSON("json"),
    JSON_SCHEMA("json_schema"),
    GRAMMAR("grammar");

    private final String label;

    ConstraintKind(String label) {
        this.label = label;
    }

    /** The {@code kind} label value of the constraint metrics. */
    public String label() {
        return label;
    }
}
