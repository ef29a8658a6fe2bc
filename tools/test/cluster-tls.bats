#!/usr/bin/env bats
# provision-cluster with TLS on three hosts, each a network namespace of its own as in cluster-three.bats: the nodes
# route to each other over TLS, and seats and gateways reach them over MQTT with TLS only (ssl://, port 8883). One
# certificate, signed by the centre's CA and naming the three hosts' addresses, serves every node.

load helpers

setup_file() {
  start_hosts 3
  SECRETS="$BATS_FILE_TMPDIR/secrets"
  test_credentials --out "$SECRETS"
  TLS="$BATS_FILE_TMPDIR/tls"
  mkdir -p "$TLS"
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=seatlink-test-ca -days 2 -keyout "$TLS/ca.key" \
    -out "$TLS/ca.crt" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj /CN=seatlink-nats -keyout "$TLS/server.key" -out "$TLS/server.csr" \
    2>/dev/null
  printf 'subjectAltName=IP:%s.1,IP:%s.2,IP:%s.3\n' "$SUBNET" "$SUBNET" "$SUBNET" >"$TLS/san.ext"
  openssl x509 -req -in "$TLS/server.csr" -CA "$TLS/ca.crt" -CAkey "$TLS/ca.key" -CAcreateserial -days 2 \
    -extfile "$TLS/san.ext" -out "$TLS/server.crt" 2>/dev/null
  export SECRETS TLS
}

teardown_file() {
  stop_hosts
}

setup() {
  ssh_args_for_target
  HOSTS=("$(id -un)@$SUBNET.1" "$(id -un)@$SUBNET.2" "$(id -un)@$SUBNET.3")
  NODE_ARGS=(--credentials "$SECRETS" --tls-cert "$TLS/server.crt" --tls-key "$TLS/server.key" --tls-ca "$TLS/ca.crt"
    --max-file-store 1GB --max-memory-store 64MB --service-user "$(id -un)" --timeout 60)
}

# over_tls NODE CLIENT ARGS...: mosquitto_pub or mosquitto_sub as seat s-001 or the gateway on node NODE (1-3), over
# TLS, trusting the centre's CA and checking that the node's certificate names its address.
over_tls() {
  local node="$1" client="$2" who
  shift 2
  [[ "$client" == mosquitto_pub ]] && who=seats/s-001 || who=gateway
  local -a creds
  read -ra creds <<<"$(login "$who")"
  "$client" -h "$SUBNET.$node" -p 8883 --cafile "$TLS/ca.crt" "${creds[@]}" "$@"
}

# retained_across FROM TO BOOT: seat s-001's status of boot BOOT, retained over TLS through node FROM, is read on node
# TO (each tried for up to 30 s, as a seat and a gateway keep trying).
retained_across() {
  for _ in $(seq 30); do
    over_tls "$1" mosquitto_pub -q 1 -r -t seatlink/v1/hq/f1/s-001/status \
      -m "{\"v\":1,\"online\":true,\"boot\":\"$3\",\"fw\":\"1\",\"ts\":1800000000000}" && break
    sleep 1
  done
  serves_boot "$3" "$2" over_tls "$2" mosquitto_sub -q 1 -C 1 -W 5 -t seatlink/v1/hq/f1/s-001/status
}

@test "provision-cluster with TLS: the nodes route over TLS, and what a seat retains over ssl:// on one is read on another" {
  run "$SEATLINK" provision-cluster "${HOSTS[@]}" "${NODE_ARGS[@]}" "${SSH_ARGS[@]}"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "${lines[-1]}" == "PASS: 3 NATS node(s) healthy, meta leader n"[123]" ("*"broker list for --broker: ssl://$SUBNET.1:8883,ssl://$SUBNET.2:8883,ssl://$SUBNET.3:8883; for --nats: tls://$SUBNET.1:4222,tls://$SUBNET.2:4222,tls://$SUBNET.3:4222" ]]
  for n in 1 2 3; do
    conf="$BATS_FILE_TMPDIR/target-n$n/etc/seatlink-nats/nats.conf"
    # TLS on the routes (the cluster block) and on MQTT
    sed -n '/^cluster {/,/^}/p' "$conf" | grep -q 'tls { cert_file:'
    grep -q '^mqtt { listen: 0.0.0.0:8883,.*tls { cert_file:' "$conf"
  done

  # Healthy means in the cluster with JetStream current, so the routes work; each route port speaks TLS with the
  # certificate for its address. A status retained through node 1 reaches node 3 through them.
  for n in 1 2 3; do
    handshake="$(timeout 10 openssl s_client -connect "$SUBNET.$n:6222" -CAfile "$TLS/ca.crt" -verify_return_error \
      -verify_ip "$SUBNET.$n" </dev/null 2>&1 || true)"
    [[ "$handshake" == *"Verify return code: 0 (ok)"* ]] || { echo "node $n's route port: $handshake"; false; }
  done
  retained_across 1 3 t1

  # MQTT without TLS is refused
  local -a seat
  read -ra seat <<<"$(login seats/s-001)"
  run mosquitto_pub -h "$SUBNET.2" -p 8883 "${seat[@]}" -q 1 -t seatlink/v1/hq/f1/s-001/status -m x
  [ "$status" -ne 0 ]
}

@test "a changed setting restarts the running nodes one at a time, each once the cluster has a living meta leader" {
  NODE_ARGS+=(--max-memory-store 32MB)
  run "$SEATLINK" provision-cluster "${HOSTS[@]}" "${NODE_ARGS[@]}" "${SSH_ARGS[@]}"
  echo "$output"
  [ "$status" -eq 0 ]
  for n in 1 2 3; do
    [[ "$output" == *"node n$n back in the cluster"*"ok (meta leader n"[123]")"* ]]
  done
  [[ "${lines[-1]}" == "PASS: 3 NATS node(s) healthy, meta leader n"[123]" ("*" change(s))"* ]]
  retained_across 2 1 t2
}
