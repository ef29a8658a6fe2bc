/** Benchmarks: load drivers that run a bounded scenario and print one table of measured figures. */
package dev.seatlink.bench;
