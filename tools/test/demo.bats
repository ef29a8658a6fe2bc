#!/usr/bin/env bats
# The README's first command end to end: `tools/seatlink demo` on free ports brings up a live floor with its people
# and their roster, and a TERM (what a service manager or Ctrl-C in a terminal sends) stops every part of it.

load helpers

teardown() {
  # a failed test must not leave a floor running beside the other files' tests
  pkill -TERM -f -- "$BATS_TEST_TMPDIR/demo" 2>/dev/null || true
}

online_seats() {
  curl -fs "http://127.0.0.1:$HTTP/api/floor" | grep -o '"online":true' | wc -l
}

all_but_your_seat_online() {
  [ "$(online_seats)" -eq 23 ]
}

anna_signed_in_at_s_001() {
  curl -fs "http://127.0.0.1:$HTTP/api/seats/s-001" | grep '"agent":"a1001"' | grep -q '"agentName":"Anna Berg"'
}

@test "the demo brings up a live floor with names and a roster, and TERM stops all of it" {
  local dir="$BATS_TEST_TMPDIR/demo" out="$BATS_TEST_TMPDIR/demo.out" mqtt ami
  HTTP="$(free_port)"; mqtt="$(free_port)"; ami="$(free_port)"
  "$SEATLINK" demo --http-port "$HTTP" --mqtt-port "$mqtt" --ami-port "$ami" --data-dir "$dir" >"$out" 2>&1 3>&- &
  local demo=$!

  within 1800 grep -q "SeatLink demo is running." "$out" || { cat "$out"; false; }
  grep -q "Wallboard:  http://127.0.0.1:$HTTP/" "$out"
  # every simulated seat but the one left to you (s-024) online, under the names the demo imported
  within 900 all_but_your_seat_online || { echo "online: $(online_seats)"; tail -n 20 "$dir/floor.log"; false; }
  # online is not yet signed in: a seat's agent shows once its simulated agent has pressed Ready (1-8 s, longer on a
  # busy machine)
  within 900 anna_signed_in_at_s_001 || { curl -fs "http://127.0.0.1:$HTTP/api/seats/s-001"; false; }
  # a sign-in account for everyone the site gives a role, each of whom the gateway knows
  local name
  for name in $("$SEATLINK" gateway supervisors); do
    [ -s "$dir/accounts/supervisors/$name.credentials" ]
    grep -q "^$name:" "$dir/accounts/supervisors.passwd"
  done
  # the roster it imported: every agent, today and tomorrow, as the site's centre manager reads it back
  [ "$(grep -c '^a10' "$dir/demo-roster.csv")" -eq 48 ]
  local day password
  day="$(sed -n 2p "$dir/demo-roster.csv" | cut -d, -f2)"
  password="$(sed -n 's/^password=//p' "$dir/accounts/supervisors/fm-dana.credentials")"
  [ "$(curl -fs -u "fm-dana:$password" "http://127.0.0.1:$HTTP/api/roster?date=$day" | grep -o '"agent":"a10' | wc -l)" -eq 24 ]

  kill -TERM "$demo"
  within 300 bash -c "! kill -0 $demo 2>/dev/null" || { echo "the demo did not stop within 30 s"; false; }
  wait "$demo" || { echo "the demo exited $?"; cat "$out"; false; }
  grep -q "seatlink: stopped." "$out"
  # its gateway, floor and phone system: each has a file under the data directory on its command line
  run pgrep -af -- "$dir/"
  echo "$output"
  [ "$status" -ne 0 ]
}
