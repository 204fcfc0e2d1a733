/**
 * Diagnostics: every user-facing problem is a {@link io.onex.core.diag.Diagnostic} with a
 * stable {@link io.onex.core.diag.ErrorCode}, a position and a fix hint.
 */
package io.onex.core.diag;
