# shellcheck shell=bash
# Sourced by scripts/run and scripts/test: make sure .venv exists and holds the
# project as it is described by pyproject.toml right now.
#
#   ensure_venv ""      -> pip install -e .
#   ensure_venv "test"  -> pip install -e '.[test]'
#
# A stamp file inside .venv records a hash of pyproject.toml (and of where the
# checkout lives, since an editable install points at it), so the slow pip step
# only runs on a fresh clone or after pyproject.toml changed.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"

_find_python() {
    local candidate
    # 3.12+ first: there the Qt bindings' reference bug on None is harmless (see pyproject.toml).
    for candidate in "${PYTHON:-}" python3.12 python3.13 python3.11 python3 python; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Facilitator needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)." >&2
    return 1
}

_stamp_value() {
    "$VENV/bin/python" - "$REPO_ROOT" <<'PY'
import hashlib, sys
root = sys.argv[1]
digest = hashlib.sha256(open(f"{root}/pyproject.toml", "rb").read())
digest.update(root.encode())
print(digest.hexdigest())
PY
}

ensure_venv() {
    local extra="${1:-}" python stamp_name want spec
    # A venv whose interpreter no longer runs (Python upgraded, folder moved) is rebuilt.
    if [ -d "$VENV" ] && ! "$VENV/bin/python" -c '' >/dev/null 2>&1; then
        echo "Rebuilding the broken virtual environment in .venv" >&2
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        python="$(_find_python)" || return 1
        echo "Creating .venv with $("$python" --version 2>&1)" >&2
        if ! "$python" -m venv "$VENV"; then
            echo "Could not create .venv; on Debian/Ubuntu: apt-get install python3-venv" >&2
            return 1
        fi
    fi
    want="$(_stamp_value)"
    # The test install is a superset of the plain one, so either stamp will do for "run".
    if [ -z "$extra" ] && [ "$(cat "$VENV/.stamp-test" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    stamp_name=".stamp-${extra:-run}"
    if [ "$(cat "$VENV/$stamp_name" 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    spec="."
    [ -n "$extra" ] && spec=".[$extra]"
    echo "Installing Facilitator ($spec) into ${VENV##*/}" >&2
    (cd "$REPO_ROOT" && "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec") || return 1
    echo "$want" >"$VENV/$stamp_name"
}
