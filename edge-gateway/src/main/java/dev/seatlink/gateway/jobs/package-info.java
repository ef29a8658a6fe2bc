/**
 * What the gateway does by the clock, each a {@link dev.seatlink.gateway.jobs.PeriodicJob}: the floor tick
 * (KPIs, alerts, live figures, summary), the reorder check, held seat updates, the stream heartbeat, the
 * site-config check and retention.
 */
package dev.seatlink.gateway.jobs;
