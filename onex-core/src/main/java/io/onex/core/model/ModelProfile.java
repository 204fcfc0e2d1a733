package io.onex.core.model;

import java.math.BigDecimal;
import java.util.Optional;

/** A model a node may call, with its declared cost and limits. */
public record ModelProfile(
    String model,
    Optional<BigDecimal> costPer1kTokens,
    Optional<String> contextLimit,
    Optional<BigDecimal> successRate) {}
