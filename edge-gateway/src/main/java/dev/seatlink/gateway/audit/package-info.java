/** The audit log: every supervisor action, who took it, when, and how it ended; kept durably beside the events. */
package dev.seatlink.gateway.audit;
