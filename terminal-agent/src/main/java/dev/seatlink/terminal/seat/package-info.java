/** The seat's pure core: agent states, transitions and their rules; no I/O, no threads. */
package dev.seatlink.terminal.seat;
