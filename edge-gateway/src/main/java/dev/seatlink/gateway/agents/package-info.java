/**
 * The agent directory: who the agents are by name (id, name, home team, skill tier, badge, active), imported from
 * CSV all or nothing and edited live; the wallboard, team view and reports show names from it. Pure apart from
 * {@code AgentFile}, which keeps it on disk.
 */
package dev.seatlink.gateway.agents;
