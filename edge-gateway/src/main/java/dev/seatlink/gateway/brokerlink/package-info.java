/**
 * The gateway's connection to the floor's broker (Vert.x's event-loop MQTT client, one persistent
 * session) and what it publishes: the gateway's status, each seat's retained config, commands to seats and
 * the floor summary.
 */
package dev.seatlink.gateway.brokerlink;
