/**
 * JSON Schema validation of ONEX documents against the schemas bundled in onex-core
 * ({@code node-metadata}, {@code state-contract}, {@code execution-record}, {@code tree}),
 * with one {@link io.onex.core.schema.SchemaError} code per kind of problem. Entry points:
 * {@link io.onex.core.schema.SchemaValidator} and {@link io.onex.core.schema.Schemas}.
 */
package io.onex.core.schema;
