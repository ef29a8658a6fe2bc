/** From the broker to the floor: the gateway's MQTT link, validation, rate-limited rejection logs, applying. */
package dev.seatlink.gateway.ingest;
