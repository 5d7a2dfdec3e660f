#!/bin/sh
# Makes the class-data-sharing archive APP/loaxa.jsa that halves LoaXa's start, for the Java of
# this PC (an archive made by another Java is ignored with a warning). Does nothing when the
# archive is newer than APP/loaxa.jar, so the service can run it before every start; after an
# upgrade (a new loaxa.jar) it remakes the archive once, in about 15 s. Never fails the start.
#   usage: make-cds.sh [APP]     APP = the folder of target/loaxa/ (default /opt/loaxa/app)
app=${1:-/opt/loaxa/app}
if [ -f "$app/loaxa.jsa" ] && [ "$app/loaxa.jsa" -nt "$app/loaxa.jar" ]; then exit 0; fi
training=$(mktemp -d)
rm -f "$app/loaxa.jsa"
# a training start: it refreshes the context on a throw-away data dir and exits before anything plays
if ! java -XX:ArchiveClassesAtExit="$app/loaxa.jsa" -Dspring.context.exit=onRefresh -jar "$app/loaxa.jar" \
    --loaxa.data-dir="$training" --loaxa.media-dir="$training/media" --loaxa.schedules-dir="$training/schedules" \
    --loaxa.admin.password=cds-training-only --server.port=0 >"$training.log" 2>&1; then
  echo "make-cds: the training start failed; LoaXa starts without the archive (see $training.log)" >&2
  rm -f "$app/loaxa.jsa"
fi
rm -rf "$training"
exit 0
