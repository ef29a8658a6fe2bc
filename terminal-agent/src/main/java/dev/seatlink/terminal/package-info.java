/** The seat terminal: wiring of the state machine, hardware, journal and uplink; entry point. */
package dev.seatlink.terminal;
