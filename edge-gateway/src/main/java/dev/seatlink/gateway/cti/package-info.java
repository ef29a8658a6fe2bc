/**
 * The phone system's events in (CTI): from {@code POST /api/cti/events} and the floor's {@code cti} topic, each
 * mapped to its seat by the site config, taken once, and forwarded to the seat's {@code call} topic.
 */
package dev.seatlink.gateway.cti;
