#!/usr/bin/env bash
# Retakes the README screenshots (docs/screenshots/) from real ImageJ 1.54p under Xvfb.
source "$(dirname "$0")/common.sh"
TF_CPP_MIN_LOG_LEVEL=2 xvfb-run -a -s "-screen 0 1000x700x24" java -cp "$CP" sc.fiji.autoencoders.ij1.ReadmeScreenshots \
  "${1:-docs/screenshots}" | grep wrote
rm -f "${1:-docs/screenshots}"/screenshot.aemodel "${1:-docs/screenshots}"/menu-open.png "${1:-docs/screenshots}"/menu-groups.png
