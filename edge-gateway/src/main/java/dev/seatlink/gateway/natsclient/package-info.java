/**
 * The gateway's NATS client on a cluster ({@code --nats}): one connection under the gateway's login, which the pair's
 * lease store ({@link dev.seatlink.gateway.lease.NatsLeaseStore}) and the seats' asks ({@link
 * dev.seatlink.gateway.natsclient.NatsAsks}) share, and what it reports about its nodes in the gateway's log.
 */
package dev.seatlink.gateway.natsclient;
