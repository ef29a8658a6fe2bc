# shellcheck shell=bash
# Shared by the technicians' scripts (provision, update, provision-gateway): SSH to a target, steps
# that say what they changed, the release on the target, waiting for the gateway, PASS/FAIL.

SSH_PORT=22
SSH_IDENTITY=""
SSH_KNOWN_HOSTS=""
ROOT=""          # install root on the target ("" = /); tests point it at a scratch directory
DRY_RUN=""
CHANGES=0
TARGET=""
SUDO=""
# This run's shared SSH connections (one per target, made by connect): every step of a run is a command over one
# connection instead of a handshake of its own (about 0.8 s each on a test target, 20-40 steps a run).
SSH_SHARED=""
trap ssh_close EXIT # a script with an EXIT trap of its own calls ssh_close in it

# Parses the SSH options every script shares; returns how many arguments it used (0 if none).
ssh_option() {
  case "$1" in
    --port) SSH_PORT="${2:?--port needs a value}"; return 2 ;;
    --identity) SSH_IDENTITY="${2:?--identity needs a file}"; return 2 ;;
    --known-hosts) SSH_KNOWN_HOSTS="${2:?--known-hosts needs a file}"; return 2 ;;
    --root) ROOT="${2:?--root needs a directory}"; ROOT="${ROOT%/}"; return 2 ;;
    --dry-run) DRY_RUN=yes; return 1 ;;
  esac
  return 0
}

# shellcheck disable=SC2034 # printed by the scripts' --help
SSH_OPTIONS_HELP="  --port PORT          SSH port (default 22)
  --identity FILE      SSH private key (key authentication only; no passwords are asked)
  --known-hosts FILE   known_hosts to use (default: yours; a new host key is accepted once, a changed one refused)
  --root DIR           install under DIR on the target instead of / (test targets)
  --dry-run            print every step without changing anything"

ssh_args() {
  local args=(-p "$SSH_PORT" -o BatchMode=yes -o ConnectTimeout=10 -o StrictHostKeyChecking=accept-new)
  # the master lingers 30 s after its last command, in case ssh_close is never reached (a killed script)
  [[ -n "$SSH_SHARED" ]] && args+=(-o ControlMaster=auto -o "ControlPath=$SSH_SHARED/%C" -o ControlPersist=30)
  [[ -n "$SSH_IDENTITY" ]] && args+=(-i "$SSH_IDENTITY")
  [[ -n "$SSH_KNOWN_HOSTS" ]] && args+=(-o "UserKnownHostsFile=$SSH_KNOWN_HOSTS")
  printf '%s\n' "${args[@]}"
}

# Runs a shell command line on the target.
remote() {
  local args
  mapfile -t args < <(ssh_args)
  # shellcheck disable=SC2029 # the command line is meant to be expanded here, then run there
  ssh "${args[@]}" "$TARGET" "$@"
}

# Runs a command on the target with root rights when it needs them (sudo unless already root or under --root).
remote_root() {
  remote "$SUDO $*"
}

# Closes this run's shared SSH connections and their directory.
ssh_close() {
  [[ -n "$SSH_SHARED" && -d "$SSH_SHARED" ]] || return 0
  local socket
  for socket in "$SSH_SHARED"/*; do
    # a master may be gone already (ControlPersist ends it 30 s after its last command, a reboot kills it): under
    # set -e a failed exit here, in the scripts' EXIT trap, turned a run that had printed PASS into a failure
    [[ -S "$socket" ]] && { ssh -o "ControlPath=$socket" -O exit shared >/dev/null 2>&1 || true; }
  done
  rm -rf "$SSH_SHARED"
  SSH_SHARED=""
}

connect() {
  TARGET="$1"
  # in /tmp itself: a socket's path may not exceed 104 bytes, and %C alone is 40
  [[ -n "$SSH_SHARED" ]] || SSH_SHARED="$(mktemp -d /tmp/seatlink-ssh.XXXXXX)"
  local who
  who="$(remote 'id -u' 2>&1)" || fail "cannot reach $TARGET over SSH (key authentication): ${who##*$'\n'}"
  if [[ "$who" != 0 && -z "$ROOT" ]]; then
    remote 'sudo -n true' >/dev/null 2>&1 || fail "$TARGET: the SSH user needs password-less sudo (or log in as root)"
    SUDO="sudo -n"
  fi
}

# step NAME CHECK_CMD DO_CMD: runs DO_CMD on the target unless CHECK_CMD (also on the target) says it is done.
step() {
  local name="$1" check="$2" action="$3"
  if remote "$check" >/dev/null 2>&1; then
    printf '  %-34s ok\n' "$name"
    return 0
  fi
  if [[ -n "$DRY_RUN" ]]; then
    printf '  %-34s would run: %s\n' "$name" "$action"
    return 0
  fi
  local out
  if ! out="$(remote "$action" 2>&1)"; then
    printf '  %-34s FAILED\n' "$name"
    fail "$TARGET: $name: ${out##*$'\n'}"
  fi
  printf '  %-34s changed\n' "$name"
  CHANGES=$((CHANGES + 1))
}

# install_file NAME LOCAL_FILE REMOTE_PATH MODE [OWNER]: copies when the content differs; atomic rename.
install_file() {
  local name="$1" file="$2" path="$3" mode="$4" owner="${5:-}"
  local sum
  sum="$(sha256sum "$file" | cut -d' ' -f1)"
  local chown=""
  [[ -n "$owner" ]] && chown="$SUDO chown '$owner' '$path.new' &&"
  if remote "echo '$sum  $path' | sha256sum -c --status && [ \"\$(stat -c %a '$path')\" = '$mode' ]" >/dev/null 2>&1; then
    printf '  %-34s ok\n' "$name"
    return 0
  fi
  if [[ -n "$DRY_RUN" ]]; then
    printf '  %-34s would install %s (mode %s)\n' "$name" "$path" "$mode"
    return 0
  fi
  remote "$SUDO mkdir -p '$(dirname "$path")' && umask 077 && $SUDO tee '$path.new' >/dev/null && $SUDO chmod $mode '$path.new' && $chown $SUDO mv -f '$path.new' '$path'" <"$file" \
    || fail "$TARGET: cannot install $path"
  printf '  %-34s changed\n' "$name"
  CHANGES=$((CHANGES + 1))
}

# The version a release tarball carries (its VERSION.env).
release_version() {
  local version
  version="$(tar -xzOf "$1" --wildcards '*/VERSION.env' 2>/dev/null | sed -n 's/^SEATLINK_VERSION=//p')"
  [[ -n "$version" ]] || fail "$1 is not a SeatLink terminal release (no VERSION.env)"
  printf '%s\n' "$version"
}

# upload_release TARBALL: unpacks it side by side under /opt/seatlink/releases/VERSION (once).
upload_release() {
  local tarball="$1" version dir
  version="$(release_version "$tarball")"
  dir="$ROOT/opt/seatlink/releases/$version"
  local sum
  sum="$(sha256sum "$tarball" | cut -d' ' -f1)"
  if remote "[ \"\$(cat '$dir/.tarball.sha256' 2>/dev/null)\" = '$sum' ]"; then
    printf '  %-34s ok\n' "release $version"
    return 0
  fi
  if [[ -n "$DRY_RUN" ]]; then
    printf '  %-34s would unpack into %s\n' "release $version" "$dir"
    return 0
  fi
  remote "$SUDO rm -rf '$dir.new' && $SUDO mkdir -p '$dir.new' && $SUDO tar -xzf - -C '$dir.new' --strip-components=1 && echo '$sum' | $SUDO tee '$dir.new/.tarball.sha256' >/dev/null && $SUDO rm -rf '$dir' && $SUDO mv '$dir.new' '$dir'" <"$tarball" \
    || fail "$TARGET: cannot unpack the release into $dir"
  printf '  %-34s changed\n' "release $version"
  CHANGES=$((CHANGES + 1))
}

# switch_current VERSION: points /opt/seatlink/current at the release atomically (ln -s to a temp name, mv -T).
switch_current() {
  local version="$1" link="$ROOT/opt/seatlink/current"
  step "current -> $version" "[ \"\$(readlink '$link')\" = 'releases/$version' ]" \
    "$SUDO ln -sfn 'releases/$version' '$link.new' && $SUDO mv -T '$link.new' '$link'"
}

current_version() {
  remote "readlink '$ROOT/opt/seatlink/current' 2>/dev/null | sed 's#^releases/##'" || true
}

# The seat's entry in the gateway's /api/fleet (a flat JSON object), or nothing.
fleet_entry() {
  local gateway="$1" seat="$2"
  curl -fsS --max-time 5 "$gateway/api/fleet" 2>/dev/null | grep -o "{\"seat\":\"$seat\"[^}]*}" || true
}

# wait_online GATEWAY SEAT VERSION SECONDS: until the gateway shows the seat online with that release.
wait_online() {
  local gateway="$1" seat="$2" version="$3" seconds="$4" entry=""
  local deadline=$((SECONDS + seconds))
  while ((SECONDS < deadline)); do
    entry="$(fleet_entry "$gateway" "$seat")"
    if [[ "$entry" == *'"online":true'* && "$entry" == *"\"firmware\":\"$version\""* ]]; then
      return 0
    fi
    sleep 1
  done
  [[ -n "$entry" ]] || entry="(the gateway at $gateway does not answer or does not know $seat)"
  # shellcheck disable=SC2034 # read by the scripts' failure messages
  LAST_SEEN="$entry"
  return 1
}

fail() {
  echo "FAIL: $*"
  exit 1
}

# Whether $1 is a SeatLink identifier (site, floor, seat): [a-z0-9][a-z0-9-]{0,31}.
is_id() {
  [[ "$1" =~ ^[a-z0-9][a-z0-9-]{0,31}$ ]]
}
