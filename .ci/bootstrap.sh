#!/usr/bin/env bash
# Installs what `make test` and `make demo` need, and only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(qgis python3-qgis python3-pytest python3-shapely python3-venv python3-openpyxl python3-pyproj
              python3-psycopg2 python3-dev libgeos-dev gcc
              xvfb poppler-utils fonts-noto-cjk qttranslations5-l10n pyqt5-dev-tools qttools5-dev-tools pyqt6-dev-tools)
VENV=.venv

missing=()
for package in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() {
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"
}
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  apt_install "${missing[@]}"
fi

# PostGIS for the tests of the overlay in the database: the package name carries the distribution's PostgreSQL version.
if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  echo "Installing PostgreSQL with PostGIS (for the tests of the overlay in the database)"
  [ ${#missing[@]} -gt 0 ] || $SUDO apt-get update -qq
  apt_install postgresql
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  apt_install "postgresql-${version}-postgis-3"
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating $VENV (with system site packages, for PyQGIS)"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
"$VENV/bin/pip" install -q --disable-pip-version-check -r .ci/requirements.txt
# A venv made before shapely was built from source may hold the wheel (bundled GEOS): rebuild it on the system's.
venv_shapely_geos=$("$VENV/bin/python" -c 'import shapely, sys; print(shapely.geos_version_string if sys.prefix in shapely.__file__ else "")')
if [ -n "$venv_shapely_geos" ] && [ "$venv_shapely_geos" != "$(geos-config --version)" ]; then
  echo "Building shapely on the system's GEOS $(geos-config --version)"
  "$VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps --no-binary shapely "shapely>=2,<3"
fi
