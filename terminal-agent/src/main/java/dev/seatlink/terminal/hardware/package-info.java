/** The seat's physical parts behind small classes: buttons, status light, display, Pi4J contexts. */
package dev.seatlink.terminal.hardware;
