package io.onex.git.notes;

import org.eclipse.jgit.lib.ObjectId;

/**
 * The outcome of one write to a notes ref.
 *
 * @param commit the notes commit that now holds the lines (the ref's value; the zero id when
 *     the ref does not exist and nothing had to be written)
 * @param created whether this write made a new notes commit (false: every line was present)
 * @param notesChanged how many notes were created or rewritten
 * @param attempts how many read-build-swap attempts it took (more than 1 after a lost race)
 */
public record NotesCommit(ObjectId commit, boolean created, int notesChanged, int attempts) {}
