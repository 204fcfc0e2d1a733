package io.onex.store;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Performance history of one node version (namespace@version), derived from its records
 * (docs/formats/store.md, "Aggregates").
 *
 * @param totalRuns every record of this node version, whatever its status
 * @param successCount records with status {@code success}
 * @param failureCount records with status {@code failure} or {@code error}
 * @param avgLatencyMs mean {@code duration_ms} of the records that ran (success, failure,
 *     error); empty when none did
 * @param avgCostUsd mean {@code cost_usd} of the records that carry one; empty when none does
 * @param lastSuccess {@code started_at} of the newest success; empty when there is none
 * @param lastSuccessRecordId the record id of that success
 */
public record NodeAggregates(
    String namespace,
    String version,
    long totalRuns,
    long successCount,
    long failureCount,
    OptionalDouble avgLatencyMs,
    Optional<BigDecimal> avgCostUsd,
    Optional<String> lastSuccess,
    Optional<String> lastSuccessRecordId) {}
