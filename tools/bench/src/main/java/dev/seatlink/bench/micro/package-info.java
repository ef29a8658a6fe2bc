/** JMH micro-benchmarks of the hot path: the codec and the floor model (tools/seatlink bench jmh). */
package dev.seatlink.bench.micro;
