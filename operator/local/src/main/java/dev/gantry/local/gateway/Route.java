package dev.gantry.local.gateway;

import java.util.List;

/** Where a request goes: the object that routed it (for people) and the weighted backends. */
record Route(String source, List<Backend> backends) {}
