/**
 * A phone system where there is none: an Asterisk manager interface speaking Asterisk 20's frames
 * ({@code SimulatedAsterisk}) and a small queue that plays calls to its members ({@code CallPlayer}), for the tests,
 * the demo ({@code tools/seatlink demo} runs it with the gateway on {@code --ami}) and {@code bench cti}.
 */
package dev.seatlink.gateway.acd.sim;
