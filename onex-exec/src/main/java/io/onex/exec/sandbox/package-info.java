/**
 * The process layer of the runtime: {@link io.onex.exec.sandbox.Sandbox} runs one command in
 * a fresh directory with an explicit environment, a timeout and capped output, and kills the
 * whole process tree afterwards; {@link io.onex.exec.sandbox.JsonOutput} reads the node's
 * result object from stdout. Error codes: {@link io.onex.exec.sandbox.SandboxError}
 * ({@code ONEX-E...}); formats in {@code docs/formats/sandbox.md}.
 */
package io.onex.exec.sandbox;
