/**
 * The notes refs: ONEX's durable record log inside git ({@code refs/notes/onex/records},
 * one note per node-content blob) and the per-commit summaries
 * ({@code refs/notes/onex/commits}). Format: docs/formats/notes.md; errors carry
 * {@link io.onex.git.notes.NotesError} codes.
 */
package io.onex.git.notes;
