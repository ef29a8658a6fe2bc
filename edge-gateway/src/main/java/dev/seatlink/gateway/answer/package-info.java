/**
 * Reading other servers' HTTP answers whole within a bound: the NATS nodes' monitoring, and the gateway's own API as
 * the technicians' commands ({@code fleet}, the CSV imports) read it.
 */
package dev.seatlink.gateway.answer;
