/** Reports across every floor, from the centre-wide PostgreSQL store the gateways copy their events to. */
package dev.seatlink.centre.report;
