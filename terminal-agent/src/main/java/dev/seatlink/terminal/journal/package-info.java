/** What the seat keeps on disk across restarts: the event journal (seq, unsent events, replay) and its last state. */
package dev.seatlink.terminal.journal;
