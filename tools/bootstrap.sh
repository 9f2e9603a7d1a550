#!/usr/bin/env bash
# Find, or build, a Python that runs Odoo 18 and this suite; print its path (and only that) on stdout.
#
#   tools/bootstrap.sh [runtime|dev]     runtime: what `make run` needs; dev (default): tests and lint too
#
# 1. If `$PYTHON -m odoo --version` (default python3) prints 18.0, that Python is used: the suite's
#    missing Python requirements are installed into it with pip, missing system packages with apt-get.
# 2. Otherwise .venv/ is used, and created on the first run: system packages (apt-get when root on
#    Debian/Ubuntu, else one line listing them), a virtual environment, Odoo 18's source (from ODOO_SRC,
#    a local folder or archive, or downloaded over HTTPS as pinned in tools/odoo-source.env and refused
#    on a SHA-256 mismatch), Odoo's requirements (with tools/build-constraints.txt), Odoo itself
#    (editable, from .venv/src/odoo), then requirements.txt (and requirements-dev.txt for dev).
#    Later runs reuse .venv/ and only install requirements that changed.
# Progress lines (with timings) go to stderr; the details to .data/logs/bootstrap.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
need="${1:-dev}"
case "$need" in runtime | dev) ;; *) echo "usage: $0 [runtime|dev]" >&2; exit 2 ;; esac
python="${PYTHON:-python3}"
venv="$root/.venv"
mkdir -p "$root/.data/logs"
log="$root/.data/logs/bootstrap.log"
constraints="$root/tools/build-constraints.txt"
req_files=(requirements.txt)
[ "$need" = dev ] && req_files+=(requirements-dev.txt)

say() { echo "bootstrap: $*" >&2; }
die() { echo "bootstrap: $*" >&2; exit 1; }

step_no=0
step_total=1
# step TITLE COMMAND...: run COMMAND (output to the log), print what it does and how long it took.
step() {
  local title="$1" started=$SECONDS
  shift
  step_no=$((step_no + 1))
  say "[$step_no/$step_total] $title ..."
  echo "=== $(date -u +%FT%TZ) $title" >>"$log"
  if "$@" >>"$log" 2>&1; then
    say "[$step_no/$step_total] $title: done in $((SECONDS - started)) s"
  else
    say "[$step_no/$step_total] $title: FAILED after $((SECONDS - started)) s; last lines of $log:"
    tail -n 25 "$log" >&2
    exit 1
  fi
}

has_odoo18() { "$1" -m odoo --version 2>/dev/null | grep -c "Odoo Server 18\.0" >/dev/null; }

# The requirements of the given files that the Python $1 lacks (missing, or another version than pinned).
missing_requirements() {
  local py="$1"
  shift
  "$py" - "$@" <<'PY'
import re
import sys
from importlib import metadata

missing = []
for path in sys.argv[1:]:
    for line in open(path):
        spec = line.split("#")[0].split(";")[0].strip()
        if not spec or spec.startswith("-"):
            continue
        name = re.split(r"[<>=!~ \[]", spec)[0]
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(spec)
            continue
        pinned = re.search(r"==\s*([^\s,]+)$", spec)
        if pinned and version != pinned[1]:
            missing.append(spec)
print(" ".join(missing))
PY
}

pip_install() { PIP_CONSTRAINT="$constraints" "$@"; }

# System packages: $1 = runtime | dev; $2 = build when Odoo's requirements are to be built.
missing_system_packages() {
  local mode="$1" build="${2:-}" pkgs=()
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || pkgs+=(postgresql)
  command -v pg_dump >/dev/null 2>&1 || pkgs+=(postgresql-client)
  command -v wkhtmltopdf >/dev/null 2>&1 || pkgs+=(wkhtmltopdf)
  fc-list 2>/dev/null | grep -ci dejavu >/dev/null || pkgs+=(fonts-dejavu-core)  # -c: no SIGPIPE under pipefail
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  if [ "$mode" = dev ]; then
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || pkgs+=(chromium)
    command -v pdftotext >/dev/null 2>&1 || pkgs+=(poppler-utils)  # the tests read the PDFs back as text
  fi
  if [ "$build" = build ]; then
    command -v gcc >/dev/null 2>&1 || pkgs+=(build-essential)
    command -v pg_config >/dev/null 2>&1 || pkgs+=(libpq-dev)
    [ -f /usr/include/ldap.h ] || pkgs+=(libldap2-dev)
    [ -f /usr/include/sasl/sasl.h ] || pkgs+=(libsasl2-dev)
    "$python" -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
      2>/dev/null || pkgs+=(python3-dev)
    "$python" -c 'import ensurepip, venv' 2>/dev/null || pkgs+=(python3-venv)
  fi
  echo "${pkgs[*]}"
}

ensure_system_packages() {
  local pkgs
  pkgs="$(missing_system_packages "$@")"
  [ -n "$pkgs" ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step_total=$((step_total + 1))
    step "installing system packages: $pkgs" \
      env DEBIAN_FRONTEND=noninteractive bash -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $pkgs"
  else
    die "missing system packages: $pkgs -- install them as root, e.g.: apt-get install -y --no-install-recommends $pkgs"
  fi
}

# Install the suite's requirements that the Python $1 lacks.
ensure_requirements() {
  local py="$1" missing
  missing="$(missing_requirements "$py" "${req_files[@]}")"
  [ -n "$missing" ] || return 0
  step_total=$((step_total + 1))
  step "installing the suite's requirements (${req_files[*]}) into $py: $missing" \
    pip_install "$py" -m pip install -q "${req_files[@]/#/-r}"
}

# ---- 1. A Python that already runs Odoo 18 ----------------------------------------------------
if has_odoo18 "$python"; then
  step_total=0
  ensure_system_packages "$need"
  ensure_requirements "$python"
  command -v "$python"
  exit 0
fi

# ---- 2. .venv/, reused when complete ---------------------------------------------------------
if [ -x "$venv/bin/python" ] && [ -f "$venv/.jmsc-odoo" ]; then
  step_total=0
  ensure_system_packages "$need"
  ensure_requirements "$venv/bin/python"
  echo "$venv/bin/python"
  exit 0
fi

# ---- 3. Build .venv/ ---------------------------------------------------------------------------
say "$python cannot import Odoo 18: building .venv/ (once; details in $log)"
started_all=$SECONDS
: >"$log"
for candidate in "$python" python3.12 python3.11 python3.10; do
  if command -v "$candidate" >/dev/null 2>&1 \
    && "$candidate" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
"$python" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null \
  || die "Odoo 18 needs Python 3.10, 3.11 or 3.12; set PYTHON=/path/to/such a python3"

step_total=5
ensure_system_packages "$need" build

src="$venv/src/odoo"

# Copy a source folder (hard links when possible: instant and no extra space), without build output.
copy_source() {
  local from="$1" entry name
  mkdir -p "$src" || return 1
  for entry in "$from"/* "$from"/.[!.]*; do
    [ -e "$entry" ] || continue
    name="$(basename "$entry")"
    case "$name" in build | dist | .git | *.egg-info) continue ;; esac
    cp -al "$entry" "$src/" 2>/dev/null || cp -a "$entry" "$src/" || return 1
  done
}

extract_source() {
  local archive="$1" tmp release
  tmp="$venv/src/.extract"
  rm -rf "$tmp" && mkdir -p "$tmp" || return 1
  case "$archive" in
    *.zip) "$python" -m zipfile -e "$archive" "$tmp" || return 1 ;;
    *) tar -xf "$archive" -C "$tmp" || return 1 ;;
  esac
  release="$(find "$tmp" -maxdepth 3 -path '*/odoo/release.py' | head -n 1)"
  [ -n "$release" ] || { echo "no odoo/release.py in $archive"; return 1; }
  mv "$(dirname "$(dirname "$release")")" "$src" && rm -rf "$tmp"
}

download_source() {
  local ODOO_COMMIT="" ODOO_SHA256="" ODOO_URL_TEMPLATE="" url cache sum
  # shellcheck source=/dev/null
  . "$root/tools/odoo-source.env"
  if [ -z "$ODOO_COMMIT" ]; then
    echo "tools/odoo-source.env pins no commit yet (see the comment there); set ODOO_SRC to a local Odoo 18 source" >&2
    return 1
  fi
  url="${ODOO_URL_TEMPLATE//@COMMIT@/$ODOO_COMMIT}"
  cache="$root/.data/cache/odoo-$ODOO_COMMIT.tar.gz"
  mkdir -p "$root/.data/cache"
  if [ ! -f "$cache" ]; then
    curl -fL --proto '=https' --tlsv1.2 --retry 3 -o "$cache.part" "$url" || return 1
    mv "$cache.part" "$cache"
  fi
  sum="$(sha256sum "$cache" | cut -d' ' -f1)"
  if [ "$sum" != "$ODOO_SHA256" ]; then
    rm -f "$cache"
    echo "REFUSED: the archive of $url has SHA-256 $sum, tools/odoo-source.env expects '${ODOO_SHA256}'" >&2
    return 1
  fi
  extract_source "$cache"
}

stage_source() {
  rm -rf "$src" && mkdir -p "$venv/src" || return 1
  if [ -n "${ODOO_SRC:-}" ]; then
    if [ -d "$ODOO_SRC" ]; then
      copy_source "$ODOO_SRC" || return 1
    elif [ -f "$ODOO_SRC" ]; then
      echo "ODOO_SRC archive SHA-256: $(sha256sum "$ODOO_SRC" | cut -d' ' -f1)"
      extract_source "$ODOO_SRC" || return 1
    else
      echo "ODOO_SRC=$ODOO_SRC is neither a folder nor an archive" >&2
      return 1
    fi
  else
    download_source || return 1
  fi
  [ -f "$src/setup.py" ] && [ -f "$src/requirements.txt" ] || { echo "$src: not an Odoo source tree" >&2; return 1; }
  "$python" -c "exec(open('$src/odoo/release.py').read()); import sys; sys.exit(version_info[0] != 18)" \
    || { echo "$src is not Odoo 18" >&2; return 1; }
  # In a git checkout the addons sit in addons/, beside odoo/addons: give odoo/addons all of them,
  # as Odoo's own packages do, so that any --addons-path finds them.
  if [ -d "$src/addons" ]; then
    local addon
    for addon in "$src"/addons/*/; do
      addon="${addon%/}"
      [ -e "$src/odoo/addons/$(basename "$addon")" ] || cp -al "$addon" "$src/odoo/addons/" 2>/dev/null \
        || cp -a "$addon" "$src/odoo/addons/" || return 1
    done
  fi
}

where="${ODOO_SRC:-the archive pinned in tools/odoo-source.env}"
rm -rf "$venv"
# The source first: a refused download fails before anything else is built.
step "staging Odoo 18's source from $where into .venv/src/odoo" stage_source
step "creating the virtual environment .venv with $python ($("$python" --version 2>&1))" "$python" -m venv "$venv"
step "installing Odoo's requirements (.venv/src/odoo/requirements.txt, build constraints)" \
  pip_install "$venv/bin/python" -m pip install -q -r "$src/requirements.txt"
# editable_mode=compat: a plain .pth entry for the source folder, so that `odoo` is the source's
# regular package and not a namespace made of site-packages/odoo/addons, where the OCA wheels go.
step "installing Odoo 18 (editable, from .venv/src/odoo)" \
  pip_install "$venv/bin/python" -m pip install -q --no-deps --config-settings editable_mode=compat -e "$src"
step "installing the suite's requirements (${req_files[*]})" \
  pip_install "$venv/bin/python" -m pip install -q "${req_files[@]/#/-r}"
"$venv/bin/python" -m odoo --version >>"$log" 2>&1 || true
has_odoo18 "$venv/bin/python" || die ".venv/bin/python -m odoo --version does not print 18.0; see $log"
echo "source=$where" >"$venv/.jmsc-odoo"
say "done in $((SECONDS - started_all)) s: $("$venv/bin/python" -m odoo --version 2>/dev/null) in .venv/"
echo "$venv/bin/python"
