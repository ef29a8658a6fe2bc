/**
 * The phone system's side of a seat's state, for an Asterisk/FreePBX ACD over AMI: its queue events come in as
 * CTI events ({@code AmiTranslator}), and each seat's queue pause is kept in step with the seat
 * ({@code QueuePauses}, pure; {@code PauseKeeper} on the floor's loop; {@code AmiLink} the asterisk-java adapter).
 */
package dev.seatlink.gateway.acd;
