/**
 * The gateway's NATS client on a cluster ({@code --nats}): one connection under the gateway's login, which the pair's
 * lease store ({@link dev.seatlink.gateway.lease.NatsLeaseStore}), the seats' asks ({@link
 * dev.seatlink.gateway.natsclient.NatsAsks}), the broker link's wait for the cluster's leaders before it connects
 * ({@link dev.seatlink.gateway.natsclient.MqttStoreGate}) and its check of its subscriptions' consumers ({@link
 * dev.seatlink.gateway.natsclient.SessionConsumers}) share, and what it reports about its nodes in the gateway's log.
 */
package dev.seatlink.gateway.natsclient;
