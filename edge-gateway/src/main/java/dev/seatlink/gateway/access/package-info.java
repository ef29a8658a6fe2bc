/** Broker access control: per-seat credentials, Mosquitto password and ACL files generated from the seat map. */
package dev.seatlink.gateway.access;
