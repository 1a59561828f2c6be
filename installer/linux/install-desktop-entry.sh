#!/bin/sh
# Adds Lianxin to this user's application menu (no administrator needed): run it from the
# unpacked folder, wherever that folder is to stay. `--remove` takes the entry away again;
# neither touches the data folder (~/.local/share/Lianxin).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/lianxin.desktop" "$icons/lianxin.png"
  echo "Removed Lianxin from the application menu. Your data was not touched."
  exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/lianxin.png" "$icons/lianxin.png"
# The entry starts this folder's executable, by its full path.
sed "s|^Exec=lianxin|Exec=\"$here/lianxin\"|" "$here/lianxin.desktop" > "$apps/lianxin.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$apps" || true
echo "Lianxin is in the application menu (it starts $here/lianxin)."
