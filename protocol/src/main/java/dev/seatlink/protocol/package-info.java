/** The SeatLink wire contract v1: message records, topic strings and the JSON codec; no I/O. */
package dev.seatlink.protocol;
