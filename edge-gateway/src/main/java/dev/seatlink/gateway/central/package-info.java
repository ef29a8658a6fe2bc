/**
 * The centre-wide store: each gateway copies its stored events from its own SQLite file
 * ({@link dev.seatlink.gateway.store.CentralOutbox}) into one PostgreSQL database for the whole centre
 * ({@link dev.seatlink.gateway.central.CentralStore}), on a thread of its own
 * ({@link dev.seatlink.gateway.central.CentralCopy}); the centre view reports from there.
 */
package dev.seatlink.gateway.central;
