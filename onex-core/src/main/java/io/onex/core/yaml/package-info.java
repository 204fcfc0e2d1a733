/**
 * The strict YAML profile ({@code docs/formats/strict-yaml.md}): {@link
 * io.onex.core.yaml.StrictYaml} loads one UTF-8 document into a Jackson tree with a {@link
 * io.onex.core.yaml.SourceLocation} per JSON Pointer, or fails with one {@link
 * io.onex.core.yaml.YamlError} diagnostic.
 */
package io.onex.core.yaml;
