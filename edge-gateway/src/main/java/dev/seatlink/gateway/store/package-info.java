/** The durable event store: every accepted event exactly once, in SQLite (WAL), written in batches by one thread. */
package dev.seatlink.gateway.store;
