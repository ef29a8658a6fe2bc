/**
 * The gateway's NATS client on a cluster ({@code --nats}): one connection under the gateway's login, which the pair's
 * lease store ({@link dev.seatlink.gateway.lease.NatsLeaseStore}), the seats' asks ({@link
 * dev.seatlink.gateway.natsclient.NatsAsks}) and the broker link's wait for the cluster's leaders before it connects
 * ({@link dev.seatlink.gateway.natsclient.MqttStoreGate}) share, and what it reports about its nodes in the gateway's
 * log.
 */
package dev.seatlink.gateway.natsclient;
