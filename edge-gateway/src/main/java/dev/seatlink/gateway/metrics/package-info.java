/** Gateway counters and their Prometheus text rendering for {@code /metrics}. */
package dev.seatlink.gateway.metrics;
