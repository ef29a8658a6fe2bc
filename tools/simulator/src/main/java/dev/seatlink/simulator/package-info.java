/** The floor simulator: thousands of seats, each its own MQTT connection, publishing as the contract says. */
package dev.seatlink.simulator;
