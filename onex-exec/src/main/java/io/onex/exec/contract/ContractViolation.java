package io.onex.exec.contract;

/** One place where a state breaks its contract: the JSON path (e.g. {@code $.user.name}) and why. */
public record ContractViolation(String path, String message) {}
