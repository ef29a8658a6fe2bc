/**
 * Badge readers at the seat: a USB keyboard-wedge reader read as its Linux input device
 * ({@link dev.seatlink.terminal.badge.KeyboardWedgeReader}, keys decoded by {@link dev.seatlink.terminal.badge.EvdevKeys})
 * and an MFRC522 on SPI through Pi4J ({@link dev.seatlink.terminal.badge.Mfrc522Reader}). Each hands the badge's
 * number to a {@link dev.seatlink.terminal.badge.BadgeListener}; the terminal sends it to the gateway, which signs
 * the badge's agent in.
 */
package dev.seatlink.terminal.badge;
