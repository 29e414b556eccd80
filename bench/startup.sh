#!/usr/bin/env bash
# Start-up rows of the bench: LpRepl against its peers, measured as whole processes, interleaved
# (A B A B …, after one warm-up each) so a drift of the machine's speed moves both sides alike. Prints, per
# row, the median wall time, CPU (user + system) and peak RSS of each side over RUNS runs, and the medians of
# the pairwise ratios A/B. Usage: bench/startup.sh [RUNS] (default 10).
source "$(dirname "$0")/lib.sh"
runs=${1:-10}

# One standalone emulator serves every standalone row, both sides alike.
start_emulator std
standalone="$work/std"
# The tutorial's wscat line (Step 3); with "signup", Step 2's curl first. The tutorial's `-k 60` is left out:
# wscat 6.1.0 has no keep-alive option (and none is sent within a start-up).
"$standalone" bash -c 'curl -s -X POST "https://$LP_IDP/api/account/$LP_ACCOUNT/signup"' | jq -r .jwt >"$work/jwt"
cat >"$work/wscat-consumer" <<SCRIPT
#!/usr/bin/env bash
if [ "\${1:-}" = signup ]; then LP_JWT=\$(curl -s -X POST "https://\$LP_IDP/api/account/\$LP_ACCOUNT/signup" | jq -r .jwt); else LP_JWT=\$(cat "$work/jwt"); fi
exec "$wscat" -H "Authorization:jwt \$LP_JWT" -c "wss://\$LP_ASYNCMESSAGINGENT/ws_api/account/\$LP_ACCOUNT/messaging/consumer?v=3"
SCRIPT
chmod +x "$work/wscat-consumer"

# row NAME, then A's command, "--", B's command: both run with standard output to /dev/null.
row() {
  local name=$1; shift
  local a=() b=() side=a word
  for word in "$@"; do
    if [ "$word" = "--" ]; then side=b; continue; fi
    if [ $side = a ]; then a+=("$word"); else b+=("$word"); fi
  done
  : >"$work/a"; : >"$work/b"
  measure /dev/null "${a[@]}"; measure /dev/null "${b[@]}" # warm-up, not counted
  for _ in $(seq 1 "$runs"); do measure "$work/a" "${a[@]}"; measure "$work/b" "${b[@]}"; done
  time_row "$name" "$work/a" "$work/b"
}

# tmux rows: the wall column is the time from the start to the prompt (or wscat's "Connected"); the program is
# then ended as a user would (Ctrl-D at LpRepl's empty prompt, Ctrl-C for wscat), and CPU and RSS are the whole
# process's. tmux_row NAME, then A's tmux_run arguments, "--", B's.
tmux_row() {
  local name=$1; shift
  local a=() b=() side=a word
  for word in "$@"; do
    if [ "$word" = "---" ]; then side=b; continue; fi
    if [ $side = a ]; then a+=("$word"); else b+=("$word"); fi
  done
  : >"$work/a"; : >"$work/b"
  tmux_run /dev/null "${a[@]}"; tmux_run /dev/null "${b[@]}"
  for _ in $(seq 1 "$runs"); do tmux_run "$work/a" "${a[@]}"; tmux_run "$work/b" "${b[@]}"; done
  time_row "$name" "$work/a" "$work/b"
}

echo "start-up: medians of $runs interleaved runs; $(nproc) cores, load $(load) at the start"
echo
table_header
tmux_row "to the lp> prompt (embedded emulator) vs wscat to Connected, in tmux" \
  C-d "lp>" -- "$embedded" "${lprepl[@]}" --- C-c "Connected (press CTRL+C to quit)" -- "$standalone" "$work/wscat-consumer"
tmux_row "to the lp> prompt (embedded emulator), JIT build, vs wscat to Connected, in tmux" \
  C-d "lp>" -- "$embedded" "${lprepl_jit[@]}" --- C-c "Connected (press CTRL+C to quit)" -- "$standalone" "$work/wscat-consumer"
# Ready: a line typed at the prompt runs once the embedded emulator is up (its banner goes to stderr, a file here).
tmux_row "to the lp> prompt + a line run there (the embedded emulator ready) vs wscat to Connected, in tmux" \
  C-d "lp>" 'echo $LP_ACCOUNT' "12345678" -- "$embedded" "${lprepl[@]}" --- C-c "Connected (press CTRL+C to quit)" -- "$standalone" "$work/wscat-consumer"
tmux_row "signup + connect to lp*> (standalone emulator) vs curl signup + wscat, in tmux" \
  C-d "lp>" $'signup\nconnect' "lp*>" -- "$standalone" "${lprepl[@]}" \
  --- C-c "Connected (press CTRL+C to quit)" -- "$standalone" "$work/wscat-consumer" signup
tmux_row "signup + connect to lp*> (embedded emulator) vs curl signup + wscat, in tmux" \
  C-d "lp>" $'signup\nconnect' "lp*>" -- "$embedded" "${lprepl[@]}" \
  --- C-c "Connected (press CTRL+C to quit)" -- "$standalone" "$work/wscat-consumer" signup
row "lprepl --version vs wscat --version" "${lprepl[@]}" --version -- "$wscat" --version
row "getting-started, standalone emulator, vs node ws" "$standalone" "${lprepl[@]}" run scripts/getting-started.lprepl \
  -- "$standalone" node bench/peers/getting-started.js
row "getting-started, embedded emulator, vs node ws (standalone)" "$embedded" "${lprepl[@]}" run scripts/getting-started.lprepl \
  -- "$standalone" node bench/peers/getting-started.js
echo
echo "load $(load) at the end of start-up"
