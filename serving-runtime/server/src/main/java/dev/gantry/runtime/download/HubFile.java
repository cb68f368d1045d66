package dev.gantry.runtime.download;

/** A file of a Hub repository at a commit: its path, size and the digest it must have. */
record HubFile(String path, long size, Digest digest) {}
