/** What terminals and the gateway share about reaching the floor's MQTT broker (session setup, TLS trust). */
package dev.seatlink.link;
