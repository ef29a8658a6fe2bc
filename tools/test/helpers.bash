# shellcheck shell=bash
# The real path for the technicians' scripts: an sshd on a free 127.0.0.1 port with a throwaway host
# key and an install root, a real Mosquitto loaded with the generated password file and ACL, and a
# gateway behind it. Everything lives in $BATS_FILE_TMPDIR and stops in teardown_file.

REPO="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
SEATLINK="$REPO/tools/seatlink"
GATEWAY_JAR="$REPO/edge-gateway/target/edge-gateway.jar"
RELEASE="$(find "$REPO/terminal-agent/target" -maxdepth 1 -name 'seatlink-terminal-*.tar.gz' | head -n 1)"
# Every JVM the tests start, here and in the sshd sessions, through the stand-in that says why (tools/test/jvm/java)
PATH="$REPO/tools/test/jvm:$PATH"

# free_port: a loopback port nothing listens on, handed out once per file. It comes from the band tools/test/run gives
# this file (SEATLINK_TEST_PORTS=FIRST-LAST; a file run alone: 2000-9999): apart from the files side by side, below the
# Java tests' StablePorts (10000 up, reserved across their processes), below the kernel's ephemeral range (32768 up).
# A port merely free when checked could otherwise be taken by another chooser, or by an outgoing connection's own
# end, before its server binds it (a bench's gateway met that on 2026-12-06).
# It walks the band once from a random port, so a used-up band is told in one pass (a thousand random draws, each
# with a grep, took 57 s in CI to say so).
free_port() {
  local band="${SEATLINK_TEST_PORTS:-2000-9999}" handed_out="$BATS_FILE_TMPDIR/ports-handed-out" port i start
  local first="${band%-*}" last="${band#*-}"
  local size=$((last - first + 1))
  local -A taken=()
  touch "$handed_out"
  while read -r port; do taken[$port]=1; done <"$handed_out"
  start=$((RANDOM % size))
  for ((i = 0; i < size; i++)); do
    port=$((first + (start + i) % size))
    [[ -z "${taken[$port]:-}" ]] || continue
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    echo "$port" >>"$handed_out"
    echo "$port"
    return 0
  done
  echo "free_port: no free port left in $band" >&2
  return 1
}

# wait_for_port PORT [ADDRESS]: up to 10 s for something to listen there (default 127.0.0.1).
wait_for_port() {
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

# within TENTHS COMMAND...: until COMMAND succeeds, checked every tenth of a second, up to TENTHS of them.
within() {
  local tenths="$1"; shift
  for _ in $(seq "$tenths"); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

# test_credentials ARGS...: `credentials ARGS` quietly, the NATS hashes at bcrypt's least cost (the default 11 took
# 4 s a run here; NATS takes any cost, and these logins guard throwaway files).
test_credentials() {
  "$SEATLINK" credentials "$@" --nats-bcrypt-cost 4 >/dev/null
}

# A throwaway host key and client key in DIR, the client's allowed in.
ssh_keys() {
  ssh-keygen -q -t ed25519 -N '' -f "$1/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$1/id"
  cp "$1/id.pub" "$1/authorized_keys"
  chmod 600 "$1/authorized_keys"
}

# sshd_config FILE ADDRESS PORT PIDFILE: a test target's sshd (keys from ssh_keys), whose sessions find the stand-in
# systemctl and INSTALL_ROOT.
# SHLVL=1: bash run by sshd reads ~/.bashrc only at shell level 1, and the test machine's own (pyenv's set-up here,
# 0.65 s) is not a target's: it made every remote command of a provisioning run that much slower.
sshd_config() {
  local dir
  dir="$(dirname "$1")"
  cat >"$1" <<CONF
ListenAddress $2
Port $3
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PidFile $4
UsePAM no
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
SetEnv PATH=$REPO/tools/test/fake-systemd:$REPO/tools/test/jvm:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin FAKE_SYSTEMD_ROOT=$INSTALL_ROOT SHLVL=1
CONF
}

start_sshd() {
  local dir="$BATS_FILE_TMPDIR/ssh"
  mkdir -p "$dir" /run/sshd 2>/dev/null || mkdir -p "$dir"
  ssh_keys "$dir"
  INSTALL_ROOT="$BATS_FILE_TMPDIR/target"
  mkdir -p "$INSTALL_ROOT/boot/firmware" "$INSTALL_ROOT/etc/systemd/system"
  touch "$INSTALL_ROOT/boot/firmware/config.txt"
  # free_port only sees that nothing listens: a port another server took since (or still holds in closing) makes
  # sshd exit at once, so a few ports are tried
  local attempt
  for attempt in 1 2 3; do
    SSH_PORT="$(free_port)"
    sshd_config "$dir/sshd_config" 127.0.0.1 "$SSH_PORT" "$dir/sshd.pid"
    /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"
    if wait_for_port "$SSH_PORT"; then
      break
    fi
    echo "sshd did not listen on $SSH_PORT (attempt $attempt); its log:" >&2
    cat "$dir/sshd.log" >&2
    if [[ -f "$dir/sshd.pid" ]]; then kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true; fi
    if [[ "$attempt" == 3 ]]; then
      return 1
    fi
  done
  TARGET_HOST="$(id -un)@127.0.0.1"
  export SSH_PORT INSTALL_ROOT TARGET_HOST
}

# The SSH options every script gets to reach the test target (SSH_ARGS, used by the tests).
# shellcheck disable=SC2034
ssh_args_for_target() {
  SSH_ARGS=(--port "$SSH_PORT" --identity "$BATS_FILE_TMPDIR/ssh/id" --known-hosts "$BATS_FILE_TMPDIR/ssh/known_hosts"
    --root "$INSTALL_ROOT")
}

start_floor() {
  SECRETS="$BATS_FILE_TMPDIR/secrets"
  test_credentials --out "$SECRETS"
  MQTT_PORT="$(free_port)"
  mkdir -p "$BATS_FILE_TMPDIR/mosquitto"
  cat >"$BATS_FILE_TMPDIR/mosquitto/mosquitto.conf" <<CONF
listener $MQTT_PORT 127.0.0.1
user $(id -un)
persistence false
max_queued_messages 10000
max_inflight_messages 1000
include_dir $BATS_FILE_TMPDIR/mosquitto/conf.d
CONF
  mkdir -p "$BATS_FILE_TMPDIR/mosquitto/conf.d"
  cp "$SECRETS/mosquitto-auth.conf" "$BATS_FILE_TMPDIR/mosquitto/conf.d/auth.conf"
  /usr/sbin/mosquitto -c "$BATS_FILE_TMPDIR/mosquitto/mosquitto.conf" >"$BATS_FILE_TMPDIR/mosquitto/log" 2>&1 &
  echo $! >"$BATS_FILE_TMPDIR/mosquitto.pid"
  wait_for_port "$MQTT_PORT"
  HTTP_PORT="$(free_port)"
  java -jar "$GATEWAY_JAR" --broker "tcp://127.0.0.1:$MQTT_PORT" --password-file "$SECRETS/gateway.credentials" \
    --http-port "$HTTP_PORT" --data-dir "$BATS_FILE_TMPDIR/gateway" >"$BATS_FILE_TMPDIR/gateway.log" 2>&1 &
  echo $! >"$BATS_FILE_TMPDIR/gateway.pid"
  GATEWAY="http://127.0.0.1:$HTTP_PORT"
  export SECRETS MQTT_PORT GATEWAY
  for _ in $(seq 300); do
    curl -fs "$GATEWAY/health" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "gateway did not become healthy" >&2
  cat "$BATS_FILE_TMPDIR/gateway.log" >&2
  return 1
}

# A copy of the release that says another version (and, with "broken", a terminal that cannot start).
make_release() {
  local version="$1" kind="${2:-}"
  local dir="$BATS_FILE_TMPDIR/release-$version"
  mkdir -p "$dir"
  tar -xzf "$RELEASE" -C "$dir"
  local inner
  inner="$(find "$dir" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
  sed -i "s/^SEATLINK_VERSION=.*/SEATLINK_VERSION=$version/" "$inner/VERSION.env"
  [[ "$kind" == broken ]] && echo "not a jar" >"$inner/terminal-agent.jar"
  mv "$inner" "$dir/seatlink-terminal-$version"
  tar -czf "$BATS_FILE_TMPDIR/seatlink-terminal-$version.tar.gz" -C "$dir" "seatlink-terminal-$version"
  echo "$BATS_FILE_TMPDIR/seatlink-terminal-$version.tar.gz"
}

stop_everything() {
  FAKE_SYSTEMD_ROOT="${INSTALL_ROOT:-/nonexistent}" "$REPO/tools/test/fake-systemd/systemctl" stop seatlink-terminal 2>/dev/null || true
  for pidfile in "$BATS_FILE_TMPDIR"/gateway.pid "$BATS_FILE_TMPDIR"/mosquitto.pid "$BATS_FILE_TMPDIR"/ssh/sshd.pid; do
    if [[ -f "$pidfile" ]]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
}

# COUNT hosts on this one machine, for a cluster (needs root: skips otherwise): each its own network namespace on a
# private bridge (10.213.X.1, .2, …; this machine .254), so every node has the same ports like real hosts, and its
# own mount namespace in which the node's own directory is bound at $INSTALL_ROOT. Each runs an sshd on port 22.
# Sets SUBNET (host i is $SUBNET.i; its directory here $BATS_FILE_TMPDIR/target-ni), SSH_PORT and INSTALL_ROOT (the
# path each host sees).
start_hosts() {
  local count="$1" dir="$BATS_FILE_TMPDIR/ssh"
  if ! command -v ip >/dev/null || [[ "$(id -u)" != 0 ]]; then
    skip "hosts of their own need root and iproute2"
  fi
  # The files run side by side: each picks a bridge name and a subnet no other file has, one file at a time.
  local lock
  exec {lock}>"${TMPDIR:-/tmp}/seatlink-test-hosts.lock"
  flock "$lock"
  NET="" SUBNET=""
  while [[ -z "$NET" ]] || ip link show "${NET}br" >/dev/null 2>&1; do NET="sl$((RANDOM % 100000))"; done
  while [[ -z "$SUBNET" ]] || ip -o addr show | grep -qF " inet $SUBNET."; do SUBNET="10.213.$((RANDOM % 256))"; done
  if ! ip link add "${NET}br" type bridge; then
    exec {lock}>&-
    skip "cannot make network namespaces here (ip link add failed)"
  fi
  echo "$NET" >"$BATS_FILE_TMPDIR/hosts.net"
  ip addr add "$SUBNET.254/24" dev "${NET}br"
  exec {lock}>&- # the bridge and its subnet are taken: the next file may pick
  ip link set "${NET}br" up
  mkdir -p "$dir" /run/sshd
  ssh_keys "$dir"
  INSTALL_ROOT="$BATS_FILE_TMPDIR/target"
  SSH_PORT=22
  mkdir -p "$INSTALL_ROOT"
  local i
  for ((i = 1; i <= count; i++)); do
    local ns="${NET}n$i" root="$BATS_FILE_TMPDIR/target-n$i"
    ip netns add "$ns"
    ip link add "${NET}h$i" type veth peer name "${NET}v$i"
    ip link set "${NET}h$i" master "${NET}br" up
    ip link set "${NET}v$i" netns "$ns"
    ip -n "$ns" addr add "$SUBNET.$i/24" dev "${NET}v$i"
    ip -n "$ns" link set "${NET}v$i" up
    ip -n "$ns" link set lo up
    mkdir -p "$root/etc/systemd/system"
    sshd_config "$dir/sshd-n$i.config" "$SUBNET.$i" "$SSH_PORT" "$dir/sshd-n$i.pid"
    ip netns exec "$ns" unshare --mount --propagation private \
      sh -c "mount --bind '$root' '$INSTALL_ROOT' && exec /usr/sbin/sshd -f '$dir/sshd-n$i.config' -E '$dir/sshd-n$i.log'"
  done
  for ((i = 1; i <= count; i++)); do
    wait_for_port "$SSH_PORT" "$SUBNET.$i" || { cat "$dir/sshd-n$i.log" >&2; return 1; }
  done
  export SSH_PORT INSTALL_ROOT SUBNET
}

# Stops what start_hosts started and what its hosts' stand-in systemd runs, then removes the namespaces.
stop_hosts() {
  local net root pidfile
  [[ -f "$BATS_FILE_TMPDIR/hosts.net" ]] || return 0
  net="$(cat "$BATS_FILE_TMPDIR/hosts.net")"
  for pidfile in "$BATS_FILE_TMPDIR"/target-n*/run/fake-systemd/*.pid "$BATS_FILE_TMPDIR"/ssh/sshd-n*.pid; do
    if [[ -f "$pidfile" ]]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  for root in "$BATS_FILE_TMPDIR"/target-n*; do
    ip netns del "${net}n${root##*-n}" 2>/dev/null || true
  done
  ip link del "${net}br" 2>/dev/null || true
}

# login NAME: the credentials file's user and password as mosquitto_pub/sub options (NAME in $SECRETS, or a path).
login() {
  local user
  local file="$1.credentials"
  [[ "$file" == /* ]] || file="$SECRETS/$file"
  user="$(sed -n 's/^username=//p' "$file")"
  echo -i "$user" -u "$user" -P "$(sed -n 's/^password=//p' "$file")"
}

# serves_boot BOOT NODE COMMAND...: runs COMMAND (a read of seat s-001's retained status on node NODE) once a second
# up to SERVES_BOOT_TRIES times (default 30) until what it prints names boot BOOT; else says what the node served
# instead. A node learns of a retained message another took through JetStream a moment later: until then it serves
# the one before.
serves_boot() {
  local boot="$1" node="$2" status=""
  shift 2
  for _ in $(seq "${SERVES_BOOT_TRIES:-30}"); do
    status="$("$@")" || true
    [[ "$status" == *"\"boot\":\"$boot\""* ]] && return 0
    sleep 1
  done
  echo "node $node serves '$status', not boot $boot" >&2
  return 1
}
