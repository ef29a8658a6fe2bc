/** What the bench's and the simulator's commands share about their options. */
package dev.seatlink.bench.cli;
