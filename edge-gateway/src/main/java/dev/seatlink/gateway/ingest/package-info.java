/**
 * From the broker to the store: each delivery decoded and validated (refusals logged at a bounded rate and
 * counted), stored in batches, acknowledged only once committed, then handed to the floor.
 */
package dev.seatlink.gateway.ingest;
