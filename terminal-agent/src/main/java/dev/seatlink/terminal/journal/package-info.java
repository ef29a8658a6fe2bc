/** What the seat keeps on disk across restarts: its last state and the seq counter. */
package dev.seatlink.terminal.journal;
