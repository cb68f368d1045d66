package dev.gantry.local.node;

import java.util.List;
import java.util.Map;

/** How to run one container here: the command line and its whole environment. */
record LaunchPlan(List<String> command, Map<String, String> environment) {}
