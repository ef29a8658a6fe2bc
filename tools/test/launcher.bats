#!/usr/bin/env bats
# The launcher's own checks: what it refuses before it builds or starts anything.

load helpers

# demo_refuses ARGS SAID: the demo, given ARGS (two words), stops before it makes anything, saying SAID.
demo_refuses() {
  # shellcheck disable=SC2086 # each case is two words on purpose
  run "$SEATLINK" demo $1 --data-dir "$BATS_TEST_TMPDIR/demo"
  echo "$1: $output"
  [ "$status" -ne 0 ]
  [[ "$output" == *"$2"* ]]
  [ ! -e "$BATS_TEST_TMPDIR/demo" ]
}

@test "the demo refuses a port it could not tell its seats and you, naming the option" {
  for args in "--mqtt-port 0" "--http-port eighty" "--ami-port 70000"; do
    demo_refuses "$args" "seatlink: demo: ${args%% *} must be a port 1-65535"
  done
}

@test "the demo refuses a pace or call rate its floor and phone would refuse, before it starts anything" {
  for args in "--pace 0" "--pace -1" "--pace fast" "--pace 101" "--calls-per-second 0" "--calls-per-second 5000"; do
    demo_refuses "$args" "seatlink: demo: ${args%% *} must be "
  done
}

@test "free_port hands out each port of its band once, and says when the band is used up" {
  local ports=() i
  for i in 1 2 3 4 5; do
    ports+=("$(SEATLINK_TEST_PORTS=2100-2104 free_port)")
  done
  echo "${ports[*]}"
  [ "$(printf '%s\n' "${ports[@]}" | sort -u | wc -l)" -eq 5 ]
  for i in "${ports[@]}"; do ((i >= 2100 && i <= 2104)); done
  SEATLINK_TEST_PORTS=2100-2104 run free_port
  [ "$status" -ne 0 ]
  [[ "$output" == *"no free port left in 2100-2104"* ]]
}
