/** HTTP: the wallboard page, the JSON API, the live SSE stream, health and metrics. */
package dev.seatlink.gateway.web;
