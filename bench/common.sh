# Sourced by the bench scripts: stop on errors, work from the project root, build the jar and the test classes once,
# and set CP (test classes, classes, dependencies) and DATA_ROOT (the shared benchmark data).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bin/fiji-ae --version >/dev/null # builds the jar and target/classpath.txt if needed, outside any timing
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
CP="target/test-classes:target/classes:$(cat target/classpath.txt)"
DATA_ROOT="${SHARED_DATA:-$ROOT/../shared/data}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
mkdir -p bench/results bench/out
