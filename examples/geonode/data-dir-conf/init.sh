#!/bin/sh
# data-dir-conf: copies the GeoServer data dir template into the volume when it is
# empty (a second run keeps what is there), and logs every run. Any failing step
# exits non-zero, so django, which waits for this service to complete
# successfully, never starts on a half-made data dir.
set -eu
DATA="${GEOSERVER_DATA_DIR:?}"

if [ -f "$DATA/.initialized" ]; then
  echo "data-dir-conf: $DATA already initialized, kept"
else
  cp -R /conf/template/. "$DATA/"
  # the template's placeholders from .env
  mv "$DATA/workspaces/_default" "$DATA/workspaces/$DEFAULT_WORKSPACE"
  sed -i "s|@PROXY_BASE_URL@|$GEOSERVER_PUBLIC_LOCATION|" "$DATA/global.xml"
  sed -i "s|@WORKSPACE@|$DEFAULT_WORKSPACE|" "$DATA/workspaces/$DEFAULT_WORKSPACE/workspace.xml"
  # last step: the marker django checks
  date -u +%Y-%m-%dT%H:%M:%SZ > "$DATA/.initialized"
  echo "data-dir-conf: $DATA initialized from the template"
fi
echo "run $(date -u +%Y-%m-%dT%H:%M:%SZ) in $(hostname)" >> "$DATA/.runs"
