/**
 * What terminals, the gateway and the centre view share about reaching the floor's MQTT broker (session setup, TLS
 * trust, a connect bounded in time), and the script the gateway's and the centre's pages share
 * ({@link dev.seatlink.link.PageScript}).
 */
package dev.seatlink.link;
