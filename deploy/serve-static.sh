#!/bin/sh
# Serve the published site (`ghr publish`) with nginx on loopback, in the foreground (Ctrl-C stops).
# Exported pages come from GHR_PUBLISH_DIR/current/site; everything else goes to the app at GHR_HOST:GHR_PORT
# (start it with `ghr serve`). The generated configuration lives in GHR_VAR_DIR/nginx.
#   STATIC_PORT  port nginx listens on (default 8080)
set -eu
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
port=${STATIC_PORT:-8080}
publish_dir=${GHR_PUBLISH_DIR:-${GHR_VAR_DIR:-var}/publish}
if [ ! -e "$publish_dir/current/redirects.map" ]; then
    echo "serve-static: nothing published in $publish_dir yet; run \`ghr publish\` first" >&2
    exit 1
fi
mkdir -p "${GHR_VAR_DIR:-var}/nginx"
state_dir=$(cd "${GHR_VAR_DIR:-var}/nginx" && pwd)
"$python" -m ghr nginx_config --standalone "$state_dir" --listen "127.0.0.1:$port" >/dev/null
echo "serve-static: http://127.0.0.1:$port/ (configuration in $state_dir)"
exec nginx -p "$state_dir" -e "$state_dir/error.log" -c "$state_dir/nginx.conf" -g 'daemon off;'
