#!/usr/bin/env bash
# Writes a compiling skeleton of a new assistance-type plugin, built against the installed SDK:
#   tools/new-plugin.sh NAME [DIR]        NAME: the type id, [a-z][a-z0-9_]{1,39}, e.g. streetwork
# DIR defaults to ./NAME-plugin and must not exist yet (or be empty). Then:
#   cmake -S DIR -B DIR/build -DCMAKE_PREFIX_PATH=<assist prefix> && cmake --build DIR/build
#   ctest --test-dir DIR/build && cmake --install DIR/build --prefix <assist prefix>
# See docs/writing-a-plugin.md for what to change first.
set -euo pipefail

usage() { sed -n '2,7s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

if [[ $# -lt 1 || $# -gt 2 || $1 == -h || $1 == --help ]]; then
  usage >&2
  exit 2
fi
name=$1
dir=${2:-./$name-plugin}
if [[ ! $name =~ ^[a-z][a-z0-9_]{1,39}$ ]]; then
  echo "new-plugin: \"$name\" is not a type id: [a-z][a-z0-9_]{1,39}" >&2
  exit 2
fi
# The id becomes a C++ namespace and a protobuf package component.
keywords=" and asm auto bool break case catch char class const continue default delete do double
  else enum explicit export extern false float for friend goto if import inline int long namespace
  new not operator or package private protected public register return short signed sizeof static
  struct switch syntax template this throw true try typedef typeid typename union unsigned using
  virtual void volatile while xor "
if [[ ${keywords//$'\n'/ } == *" $name "* ]]; then
  echo "new-plugin: \"$name\" is a C++ or protobuf keyword; choose another id" >&2
  exit 2
fi
if [[ -e $dir && -n $(ls -A "$dir") ]]; then
  echo "new-plugin: $dir exists and is not empty" >&2
  exit 2
fi

class=$(sed -E 's/(^|_)([a-z])/\U\2/g' <<<"$name")Plugin
title=$(sed -E 's/_/ /g; s/^(.)/\U\1/' <<<"$name")
templates=$(dirname "${BASH_SOURCE[0]}")/new-plugin
mkdir -p "$dir"

# Every template file, with @NAME@, @CLASS@ and @TITLE@ replaced, in the same place under DIR.
(cd "$templates" && find . -type f -name '*.in') | while read -r template; do
  target=${template%.in}
  target=${target//@NAME@/$name}
  mkdir -p "$dir/$(dirname "$target")"
  sed -e "s/@NAME@/$name/g" -e "s/@CLASS@/$class/g" -e "s/@TITLE@/$title/g" \
    "$templates/$template" >"$dir/$target"
done
# The repository's style, kept by the new project; names of any length re-wrapped by it.
cp "$templates/../../.clang-format" "$dir/.clang-format"
if command -v clang-format >/dev/null; then
  find "$dir/src" "$dir/tests" -name '*.?pp' -exec clang-format -i {} +
fi
echo "new-plugin: wrote the $name plugin ($class) to $dir"
