/** Simulated hardware for laptops and demos: Pi4J mock GPIO driven by the keyboard or a floor of bots. */
package dev.seatlink.terminal.simulate;
