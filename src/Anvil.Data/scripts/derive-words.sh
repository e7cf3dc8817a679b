#!/usr/bin/env bash
# Derives Anvil's word dictionary (src/Anvil.Data/data/words/words.bin) from jieba's dictionary as the
# NuGet package jieba.NET ships it:
#   jieba.NET@0.42.2   Resources/dict.txt: 349,046 Simplified words with frequencies and parts of speech
#                      (the dictionary of the Python jieba segmenter); MIT licence
#
#   src/Anvil.Data/scripts/derive-words.sh
#
# Restores the package into a throw-away project (NuGet's cache keeps it), then runs
# bench/Anvil.Training's `words` command, which writes a lookup table of every word of up to eight
# characters with its frequency (see WordDictionary). The licence text goes beside it. Running it twice
# gives the same file. Needs dotnet.
set -euo pipefail

PACKAGE=jieba.NET
VERSION=0.42.2

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$repo/src/Anvil.Data/data/words"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/restore.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="$PACKAGE" Version="$VERSION" /></ItemGroup>
</Project>
XML
dotnet restore "$work/restore.csproj" -v q --packages "$work/packages" >/dev/null
pkg="$work/packages/$(echo "$PACKAGE" | tr '[:upper:]' '[:lower:]')/$VERSION"
dict="$pkg/Resources/dict.txt"
[[ -f "$dict" ]] || { echo "derive-words: $dict not found in the package" >&2; exit 1; }

mkdir -p "$out"
cat > "$work/header.txt" <<TXT
Anvil word dictionary, derived by src/Anvil.Data/scripts/derive-words.sh from $PACKAGE $VERSION (NuGet),
Resources/dict.txt (the jieba segmenter's dictionary: word, frequency, part of speech), MIT licence
(see words/LICENSE.jieba). Every word of up to 8 characters with its frequency, as a hash table.
TXT
cat > "$out/LICENSE.jieba" <<TXT
The word list and frequencies in words.bin come from jieba's dictionary (dict.txt), as shipped in the
NuGet package $PACKAGE $VERSION (https://github.com/anderscui/jieba.NET, a port of
https://github.com/fxsjy/jieba). Both are released under the MIT licence:

The MIT License (MIT)

Copyright (c) Sun Junyi (jieba) and Anders Cui (jieba.NET)

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.
TXT
dotnet run -c Release --project "$repo/bench/Anvil.Training" -- words "$dict" "$out/words.bin" "$work/header.txt"
