#!/bin/sh
# Runs each fuzz target (or those named, as Class#method) for its @FuzzTest maxDuration and prints
# the executions and findings of each; a finding is written as crash-* into the target's Inputs
# directory, from where the normal test run replays it.
#   reliability/fuzz.sh                               every target
#   reliability/fuzz.sh OAuth1VerifierFuzzTest#signedRequestAlwaysVerifies
set -u
cd "$(dirname "$0")/.." || exit 1
targets="$*"
if [ -z "$targets" ]; then
  targets=$(grep -l '@FuzzTest' reliability/src/test/java/dev/oksign/reliability/*.java | while read -r f; do
    c=$(basename "$f" .java)
    awk -v c="$c" '/@FuzzTest/{getline; match($0, /void [A-Za-z0-9_]+/); print c "#" substr($0, RSTART+5, RLENGTH-5)}' "$f"
  done)
fi
mkdir -p reliability/target/fuzz reliability/target/fuzz-classpath
for a in core testing retrofit-flickr examples; do
  cp "$HOME/.m2/repository/dev/oksign/oksign-$a/0.1.0-SNAPSHOT/oksign-$a-0.1.0-SNAPSHOT.jar" \
    "reliability/target/fuzz-classpath/oksign-$a.jar" || exit 1
done
for t in $targets; do
  log="reliability/target/fuzz/$(echo "$t" | tr '#' '.').log"
  JAZZER_FUZZ=1 mvn -B -q -o -f reliability/pom.xml test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  rc=$?
  runs=$(grep -a -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)
  crash=$(grep -a -c 'Test unit written to' "$log")
  echo "$t: ${runs:-no fuzzing summary} ; findings: $crash ; exit $rc ; log $log"
done
