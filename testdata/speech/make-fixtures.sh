#!/usr/bin/env bash
# Regenerates the speech fixtures listed in transcripts.tsv (file<TAB>text) with Debian's flite 2.2 and sox.
# The voice is the file name's last dash-separated part (weather-slt.wav -> flite voice slt). flite's built-in
# voices slt, rms, awb and kal16 write 16 kHz mono PCM16 WAV; sox adds 300 ms of silence before and after so
# recognisers and VADs see a realistic onset and offset.
# Usage: testdata/speech/make-fixtures.sh   (needs: apt-get install flite sox)
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r file text; do
  voice=${file%.wav}
  voice=${voice##*-}
  flite -voice "$voice" -t "$text" -o "$tmp/raw.wav"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "$file" pad 0.3 0.3
  echo "made $file (voice $voice): $text"
done < transcripts.tsv
