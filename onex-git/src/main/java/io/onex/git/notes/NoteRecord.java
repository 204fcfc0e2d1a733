package io.onex.git.notes;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jgit.lib.ObjectId;

/** One record of the record log: the node-content blob it is attached to and the record itself. */
public record NoteRecord(ObjectId blob, JsonNode record) {}
