/**
 * The roster: each agent's scheduled shifts and breaks ({@link dev.seatlink.gateway.roster.RosterCsv} reads an
 * import, all or nothing, in the site's time zone), the adherence to it
 * ({@link dev.seatlink.gateway.roster.Adherence}) and the agents scheduled per 15-minute interval. Pure but for
 * {@link dev.seatlink.gateway.roster.RosterFile}.
 */
package dev.seatlink.gateway.roster;
