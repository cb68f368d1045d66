package dev.gantry.constraints;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The library's shared Jackson mapper (thread-safe once configured). */
final class Mappers {
    static final ObjectMapper JSON = new ObjectMapper();

    private Mappers() {}
}
