/**
 * Call figures from the phone system's events: calls handled, average handle time (talk + the wrap-up that
 * followed), average speed of answer, calls rung out, hold time — per agent, and summed for teams, business lines
 * and the floor. Pure ({@code CallBook}, {@code CallFigures}); fed by the CTI intake and the seats' changes.
 */
package dev.seatlink.gateway.calls;
