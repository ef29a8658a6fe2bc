/** What terminals and the gateway share about reaching the floor's MQTT broker (TLS trust). */
package dev.seatlink.link;
