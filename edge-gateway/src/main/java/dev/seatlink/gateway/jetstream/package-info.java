/**
 * What a NATS cluster holds for this floor, read from its nodes' monitoring endpoints ({@code --nats-monitor}):
 * each node's JetStream storage, every MQTT session's backlog (the floor's gateways', its seats'), and the sessions
 * of seats that are no longer in the site config, which the fleet view lists so a technician can remove them.
 * Parsing and matching are pure; {@link dev.seatlink.gateway.jetstream.JetStreamWatch} reads the nodes on a worker.
 */
package dev.seatlink.gateway.jetstream;
