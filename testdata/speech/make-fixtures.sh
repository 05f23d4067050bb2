#!/usr/bin/env bash
# Regenerates the speech fixtures listed in transcripts.tsv (file<TAB>text) with Debian's flite 2.2 and sox.
# The voice is the file name's last dash-separated part (weather-slt.wav -> flite voice slt). flite's built-in
# voices slt, rms, awb and kal16 write 16 kHz mono PCM16 WAV; sox adds 300 ms of silence before and after so
# recognisers and VADs see a realistic onset and offset. An optional third column holds sox effects applied before
# the padding (the soft start's fade-in).
# Usage: testdata/speech/make-fixtures.sh [list.tsv]   (default transcripts.tsv; needs: apt-get install flite sox)
# interruptions.tsv lists the barge-in sentences, one per way of starting to talk (unvoiced fricative, plosive,
# soft start); they are kept out of transcripts.tsv so the recognisers' accuracy tests do not change.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r file text effects; do
  voice=${file%.wav}
  voice=${voice##*-}
  flite -voice "$voice" -t "$text" -o "$tmp/raw.wav"
  # shellcheck disable=SC2086 # effects is a list of sox effect arguments
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "$file" ${effects:-} pad 0.3 0.3
  echo "made $file (voice $voice): $text"
done < "${1:-transcripts.tsv}"
