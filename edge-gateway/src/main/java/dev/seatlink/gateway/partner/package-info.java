/**
 * What one gateway of a floor's pair does for the other: {@link dev.seatlink.gateway.partner.PartnerFill} answers the
 * partner's {@code replay} of a seat that cannot answer it, from this gateway's own store.
 */
package dev.seatlink.gateway.partner;
