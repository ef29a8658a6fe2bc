/** The technicians' fleet view: every seat terminal's link, release, boot and gaps, read from a gateway's API. */
package dev.seatlink.gateway.fleet;
