/** The seat's MQTT link (Paho): connect and reconnect with jittered backoff, publish, receive config and commands. */
package dev.seatlink.terminal.uplink;
