#!/usr/bin/env bats
# provision-gateway against a real sshd on loopback: the gateway and a real Mosquitto come up from the
# files it installs (started by the stand-in systemctl), with TLS.

load helpers

setup_file() {
  start_sshd
  SECRETS="$BATS_FILE_TMPDIR/secrets"
  test_credentials --out "$SECRETS"
  "$SEATLINK" credentials --out "$SECRETS" --supervisor fm-dana >/dev/null
  # What Debian's mosquitto package puts in place, under the install root.
  mkdir -p "$INSTALL_ROOT/etc/mosquitto/conf.d"
  printf 'user %s\ninclude_dir %s\n' "$(id -un)" "$INSTALL_ROOT/etc/mosquitto/conf.d" >"$INSTALL_ROOT/etc/mosquitto/mosquitto.conf"
  printf '[Service]\nExecStart=/usr/sbin/mosquitto -c %s\n' "$INSTALL_ROOT/etc/mosquitto/mosquitto.conf" \
    >"$INSTALL_ROOT/etc/systemd/system/mosquitto.service"
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -days 2 -keyout "$BATS_FILE_TMPDIR/server.key" \
    -out "$BATS_FILE_TMPDIR/server.crt" 2>/dev/null
  MQTT_PORT="$(free_port)" HTTP_PORT="$(free_port)" TLS_PORT="$(free_port)"
  export SECRETS MQTT_PORT HTTP_PORT TLS_PORT
}

teardown_file() {
  for unit in seatlink-gateway mosquitto; do
    FAKE_SYSTEMD_ROOT="$INSTALL_ROOT" "$REPO/tools/test/fake-systemd/systemctl" stop "$unit" || true
  done
  stop_everything
}

setup() {
  ssh_args_for_target
  GW_ARGS=(--site-config "$REPO/edge-gateway/src/main/resources/demo-site.json" --credentials "$SECRETS"
    --users-file "$SECRETS/supervisors.passwd" --mqtt-port "$MQTT_PORT" --http-port "$HTTP_PORT"
    --tls-cert "$BATS_FILE_TMPDIR/server.crt" --tls-key "$BATS_FILE_TMPDIR/server.key" --tls-ca "$BATS_FILE_TMPDIR/server.crt"
    --tls-port "$TLS_PORT" --service-user "$(id -un)" --mosquitto-user "$(id -un)" --timeout 60)
}

@test "provision-gateway brings up Mosquitto and the gateway for the floor" {
  run "$SEATLINK" provision-gateway "$TARGET_HOST" "${GW_ARGS[@]}" "${SSH_ARGS[@]}"
  echo "$output"
  tail -n 20 "$INSTALL_ROOT"/run/fake-systemd/*.log || true
  [ "$status" -eq 0 ]
  [[ "${lines[-1]}" == "PASS: gateway on $TARGET_HOST healthy at http://127.0.0.1:$HTTP_PORT/"* ]]
  conf="$INSTALL_ROOT/etc/mosquitto/conf.d/seatlink.conf"
  grep -qx "persistence true" "$conf"
  grep -qx "max_queued_messages 100000" "$conf"
  grep -qx "listener $TLS_PORT" "$conf"
  grep -qx "allow_anonymous false" "$conf"
  grep -qx "use_username_as_clientid true" "$conf"
  grep -qx "listener $MQTT_PORT 127.0.0.1" "$conf"
  [ "$(stat -c %a "$INSTALL_ROOT/etc/mosquitto/seatlink/passwd")" = 600 ]
  [ "$(stat -c %a "$INSTALL_ROOT/etc/seatlink/gateway.credentials")" = 600 ]
  grep -q "ProtectSystem=strict" "$INSTALL_ROOT/etc/systemd/system/seatlink-gateway.service"
  curl -fs "http://127.0.0.1:$HTTP_PORT/health" | grep -q '"broker":"UP"'
  # the broker refuses anonymous clients and speaks TLS with the given certificate
  run mosquitto_pub -p "$MQTT_PORT" -t seatlink/v1/hq/f1/s-001/status -m x
  [ "$status" -ne 0 ]
  user="$(sed -n 's/^username=//p' "$SECRETS/seats/s-001.credentials")"
  pass="$(sed -n 's/^password=//p' "$SECRETS/seats/s-001.credentials")"
  mosquitto_pub -h 127.0.0.1 -p "$TLS_PORT" --cafile "$BATS_FILE_TMPDIR/server.crt" -u "$user" -P "$pass" -q 1 \
    -t seatlink/v1/hq/f1/s-001/cmd-result -m '{"v":1,"id":"x","ok":true}'
  # a seat's login under the gateway's client id (clean session) does not knock the gateway off
  connects="$(curl -fs "http://127.0.0.1:$HTTP_PORT/metrics" | sed -n 's/^seatlink_broker_connects_total //p')"
  mosquitto_pub -h 127.0.0.1 -p "$TLS_PORT" --cafile "$BATS_FILE_TMPDIR/server.crt" -u "$user" -P "$pass" -q 1 \
    -i hq.f1.gateway -t seatlink/v1/hq/f1/s-001/cmd-result -m '{"v":1,"id":"y","ok":true}'
  sleep 3 # a knocked-off gateway reconnects within its first backoff (1 s)
  [ "$(curl -fs "http://127.0.0.1:$HTTP_PORT/metrics" | sed -n 's/^seatlink_broker_connects_total //p')" = "$connects" ]
  curl -fs "http://127.0.0.1:$HTTP_PORT/health" | grep -q '"broker":"UP"'
}

@test "provision-gateway again changes nothing" {
  run "$SEATLINK" provision-gateway "$TARGET_HOST" "${GW_ARGS[@]}" "${SSH_ARGS[@]}"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "${lines[-1]}" == *"(0 change(s))" ]]
}

@test "a broken site config is refused before anything is touched" {
  echo '{"site":"hq"}' >"$BATS_FILE_TMPDIR/broken.json"
  mkdir "$BATS_TEST_TMPDIR/tmp"
  TMPDIR="$BATS_TEST_TMPDIR/tmp" run "$SEATLINK" provision-gateway "$TARGET_HOST" \
    --site-config "$BATS_FILE_TMPDIR/broken.json" --credentials "$SECRETS" "${SSH_ARGS[@]}"
  [ "$status" -ne 0 ]
  [[ "${lines[-1]}" == "FAIL: "*"broken.json"*"floor is required"* ]]
  [ -z "$(ls -A "$BATS_TEST_TMPDIR/tmp")" ] # the check leaves no file behind
}

@test "provision-gateway --https serves the wallboard and API over TLS only" {
  run "$SEATLINK" provision-gateway "$TARGET_HOST" "${GW_ARGS[@]}" --https "${SSH_ARGS[@]}"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ "${lines[-1]}" == "PASS: gateway on $TARGET_HOST healthy at https://127.0.0.1:$HTTP_PORT/"* ]]
  [ "$(stat -c %a "$INSTALL_ROOT/etc/seatlink/https.key")" = 600 ]
  curl -fs --cacert "$BATS_FILE_TMPDIR/server.crt" "https://127.0.0.1:$HTTP_PORT/health" | grep -q '"status":"UP"'
  run curl -fs --max-time 5 "http://127.0.0.1:$HTTP_PORT/health"
  [ "$status" -ne 0 ]
}
