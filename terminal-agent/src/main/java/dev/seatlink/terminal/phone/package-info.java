/** The seat's phone: call events the gateway forwards from the phone system, applied to the seat and shown. */
package dev.seatlink.terminal.phone;
