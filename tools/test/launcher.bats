#!/usr/bin/env bats
# The launcher's own checks: what it refuses before it builds or starts anything.

load helpers

@test "the demo refuses a port it could not tell its seats and you, naming the option" {
  for args in "--mqtt-port 0" "--http-port eighty" "--ami-port 70000"; do
    # shellcheck disable=SC2086 # each case is two words on purpose
    run "$SEATLINK" demo $args --data-dir "$BATS_TEST_TMPDIR/demo"
    echo "$args: $output"
    [ "$status" -ne 0 ]
    [[ "$output" == *"seatlink: demo: ${args%% *} must be a port 1-65535"* ]]
    [ ! -e "$BATS_TEST_TMPDIR/demo" ]
  done
}
