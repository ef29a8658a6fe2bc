/** The live floor: every seat's state applied from status, state and event messages; counts. Pure, no I/O. */
package dev.seatlink.gateway.floor;
