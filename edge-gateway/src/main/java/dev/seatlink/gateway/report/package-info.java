/** Reports from the durable store: time in state per agent or team over any period, as JSON or CSV. */
package dev.seatlink.gateway.report;
