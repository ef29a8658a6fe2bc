/**
 * Hot-desking: badges read at seats ({@code …/{seat}/badge}) sign their agents in there
 * ({@link dev.seatlink.gateway.badges.BadgeDesk}).
 */
package dev.seatlink.gateway.badges;
