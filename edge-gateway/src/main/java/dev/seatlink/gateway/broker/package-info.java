/** The embedded MQTT broker (Moquette) for a zero-setup floor; production uses Mosquitto instead. */
package dev.seatlink.gateway.broker;
