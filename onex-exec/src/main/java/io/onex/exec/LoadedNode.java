package io.onex.exec;

import io.onex.core.model.NodeMetadata;
import java.nio.file.Path;

/** A node ready to run: its validated metadata, its directory and its current hash lock. */
public record LoadedNode(NodeMetadata metadata, Path directory, String hash) {}
