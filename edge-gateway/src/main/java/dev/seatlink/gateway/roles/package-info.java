/**
 * Who may do what on a floor: the roles the site config names ({@link dev.seatlink.gateway.roles.Role}), the
 * permissions routes check ({@link dev.seatlink.gateway.roles.Permission}), the one table between them
 * ({@link dev.seatlink.gateway.roles.Permissions}) and one user's grants ({@link dev.seatlink.gateway.roles.Grants}).
 * Pure: the web layer signs the user in, asks, and audits a denial.
 */
package dev.seatlink.gateway.roles;
