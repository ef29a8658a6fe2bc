/**
 * Reading other servers' HTTP answers whole within a bound: the NATS nodes' monitoring, and the gateway's own API as
 * the technicians' commands ({@code fleet}, the CSV imports) read it, over the one client they ask it with.
 */
package dev.seatlink.gateway.answer;
