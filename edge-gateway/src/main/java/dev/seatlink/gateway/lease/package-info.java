/**
 * Which of a floor's gateways is primary: a lease on the floor's retained {@code gateway} status, renewed by
 * a heartbeat. {@link dev.seatlink.gateway.lease.Lease} is the pure rule (no I/O, the time passed in);
 * {@link dev.seatlink.gateway.lease.LeaseKeeper} runs it on the floor's event loop against the broker link and
 * tells the parts that only the primary may do ({@link dev.seatlink.gateway.lease.RoleListener}).
 */
package dev.seatlink.gateway.lease;
