#!/usr/bin/env bats
# provision-cluster against a real sshd on loopback: a NATS node (JetStream + MQTT) comes up from the files
# it installs (started by the stand-in systemctl) and lets only the floor's logins in, a seat on its own topics.

load helpers

setup_file() {
  start_sshd
  SECRETS="$BATS_FILE_TMPDIR/secrets"
  test_credentials --out "$SECRETS"
  MQTT_PORT="$(free_port)" MONITOR_PORT="$(free_port)" CLIENT_PORT="$(free_port)" ROUTE_PORT="$(free_port)"
  export SECRETS MQTT_PORT MONITOR_PORT CLIENT_PORT ROUTE_PORT
}

teardown_file() {
  FAKE_SYSTEMD_ROOT="$INSTALL_ROOT" "$REPO/tools/test/fake-systemd/systemctl" stop seatlink-nats || true
  stop_everything
}

setup() {
  ssh_args_for_target
  NODE_ARGS=(--credentials "$SECRETS" --mqtt-port "$MQTT_PORT" --monitor-port "$MONITOR_PORT" --monitor-host 127.0.0.1
    --client-port "$CLIENT_PORT" --route-port "$ROUTE_PORT" --max-file-store 1GB --max-memory-store 64MB
    --service-user "$(id -un)" --timeout 60)
}

@test "provision-cluster brings up a NATS node that lets in only the floor's logins" {
  run "$SEATLINK" provision-cluster "$TARGET_HOST" "${NODE_ARGS[@]}" "${SSH_ARGS[@]}"
  echo "$output"
  tail -n 20 "$INSTALL_ROOT"/run/fake-systemd/*.log || true
  [ "$status" -eq 0 ]
  [[ "${lines[-1]}" == "PASS: 1 NATS node(s) healthy"*"broker list for --broker: tcp://127.0.0.1:$MQTT_PORT; for --nats: nats://127.0.0.1:$CLIENT_PORT" ]]
  conf="$INSTALL_ROOT/etc/seatlink-nats/nats.conf"
  grep -q "server_name: n1" "$conf"
  grep -q "^http: 127.0.0.1:$MONITOR_PORT$" "$conf"
  grep -q "mqtt { listen: 0.0.0.0:$MQTT_PORT, stream_replicas: 1, consumer_replicas: 1 }" "$conf"
  [ "$(stat -c %a "$INSTALL_ROOT/etc/seatlink-nats/users.conf")" = 600 ]
  [ "$(stat -c %a "$SECRETS/cluster.secret")" = 600 ]
  grep -q "ProtectSystem=strict" "$INSTALL_ROOT/etc/systemd/system/seatlink-nats.service"
  # the logins hashed at the cost test_credentials asks for (4, the least), which NATS takes
  grep -qF 'password: "$2a$04$' "$INSTALL_ROOT/etc/seatlink-nats/users.conf"
  # a seat publishes its own status; anonymous clients and a wrong password are refused
  user="$(sed -n 's/^username=//p' "$SECRETS/seats/s-001.credentials")"
  pass="$(sed -n 's/^password=//p' "$SECRETS/seats/s-001.credentials")"
  mosquitto_pub -h 127.0.0.1 -p "$MQTT_PORT" -i "$user" -u "$user" -P "$pass" -q 1 \
    -t seatlink/v1/hq/f1/s-001/status -m '{"v":1,"online":true,"boot":"b","fw":"1","ts":1800000000000}'
  run mosquitto_pub -h 127.0.0.1 -p "$MQTT_PORT" -q 1 -t seatlink/v1/hq/f1/s-001/status -m x
  [ "$status" -ne 0 ]
  run mosquitto_pub -h 127.0.0.1 -p "$MQTT_PORT" -u "$user" -P wrong -q 1 -t seatlink/v1/hq/f1/s-001/status -m x
  [ "$status" -ne 0 ]
}

@test "provision-cluster again changes nothing" {
  run "$SEATLINK" provision-cluster "$TARGET_HOST" "${NODE_ARGS[@]}" "${SSH_ARGS[@]}"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "${lines[-1]}" == "PASS: 1 NATS node(s) healthy (0 change(s))"* ]]
}

@test "a login added later (the centre view's) is taken by a reload: the node is not restarted" {
  echo '{"centre": "HQ", "floors": [{"site": "hq", "floor": "f1"}]}' >"$BATS_FILE_TMPDIR/centre.json"
  test_credentials --center-config "$BATS_FILE_TMPDIR/centre.json" --out "$BATS_FILE_TMPDIR/centre"
  pid="$(cat "$INSTALL_ROOT/run/fake-systemd/seatlink-nats.pid")"
  run "$SEATLINK" provision-cluster "$TARGET_HOST" "${NODE_ARGS[@]}" --credentials "$BATS_FILE_TMPDIR/centre" "${SSH_ARGS[@]}"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "$output" == *"floor logins (600)"*"changed"*"node n1 reloaded (logins)"*"changed"* ]]
  [[ "$output" != *"(re)started"* ]]
  [ "$(cat "$INSTALL_ROOT/run/fake-systemd/seatlink-nats.pid")" = "$pid" ]
  kill -0 "$pid"
  # the new login works at once: the centre view reads the summary the floor's gateway retains
  local -a gateway view
  read -ra gateway <<<"$(login gateway)"
  read -ra view <<<"$(login "$BATS_FILE_TMPDIR/centre/centre")"
  mosquitto_pub -h 127.0.0.1 -p "$MQTT_PORT" "${gateway[@]}" -q 1 -r -t seatlink/v1/hq/f1/summary -m '{"gateway":"a"}'
  run mosquitto_sub -h 127.0.0.1 -p "$MQTT_PORT" "${view[@]}" -q 1 -C 1 -W 10 -t seatlink/v1/hq/f1/summary
  [ "$status" -eq 0 ]
  [ "$output" = '{"gateway":"a"}' ]
}

@test "an even number of hosts, missing credentials and too cheap a hash are refused before anything is touched" {
  run "$SEATLINK" provision-cluster "$TARGET_HOST" "$TARGET_HOST" --credentials "$SECRETS" "${SSH_ARGS[@]}"
  [ "$status" -eq 2 ]
  [[ "$output" == *"give 1, 3 or 5 hosts"* ]]
  run "$SEATLINK" provision-cluster "$TARGET_HOST" --credentials "$BATS_FILE_TMPDIR/nowhere" "${SSH_ARGS[@]}"
  [ "$status" -ne 0 ]
  [[ "$output" == *"nats-users.conf"* ]]
  run "$SEATLINK" credentials --out "$BATS_FILE_TMPDIR/weak" --nats-bcrypt-cost 3
  [ "$status" -ne 0 ]
  [[ "$output" == *"--nats-bcrypt-cost must be 4-31 (was 3)"* ]]
  [ ! -e "$BATS_FILE_TMPDIR/weak" ]
}
