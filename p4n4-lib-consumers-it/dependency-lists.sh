#!/usr/bin/env bash
# Writes what each consumer project of examples/consumers resolves, as docs/dependencies.md shows it:
# target/dependency-lists/<when>/<consumer>.txt, one groupId:artifactId:version a line, sorted, then the
# count and the total size of the jars. Runtime class path; for engine-kit the test class path (the kit).
#
#   p4n4-lib-consumers-it/dependency-lists.sh after
#       this checkout, from the isolated repository the reactor build filled; build first with
#       ./mvnw -B verify -pl p4n4-lib-consumers-it -am -DskipTests -Dinvoker.skip=false
#   p4n4-lib-consumers-it/dependency-lists.sh before d756a46
#       the same needs at a commit from before the module split, in the modules of then: compose + docker
#       was p4n4-lib-core + p4n4-lib-docker; agent + podman was p4n4-lib-core + p4n4-lib-clients (the NATS
#       store) + p4n4-lib-podman; the kit was p4n4-lib-api's test-jar. Builds that commit in a worktree
#       ($BEFORE_SRC) into a repository of its own ($BEFORE_REPO, seeded from ~/.m2 so nothing is downloaded
#       again); never installs into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")"
it="$PWD"
root="$(cd .. && pwd)"
m2="${HOME}/.m2/repository"
mvn="$root/mvnw"
out="$it/target/dependency-lists"
consumers=(compose-docker clients-only agent-podman engine-kit)

scope_of() { [ "$1" = engine-kit ] && echo test || echo runtime; }

# pom repo settings name when -> target/dependency-lists/<when>/<name>.txt
list() {
  local pom=$1 repo=$2 settings=$3 name=$4 when=$5 raw
  mkdir -p "$out/$when"
  raw="$out/$when/$name.raw"
  "$mvn" -B -q -f "$pom" -Dmaven.repo.local="$repo" ${settings:+-s "$settings"} \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list -DincludeScope="$(scope_of "$name")" \
    -DoutputAbsoluteArtifactFilename=true -DoutputFile="$raw" -DappendOutput=false
  # "   g:a:type[:classifier]:version:scope:/path -- module m" -> "g:a:version[:classifier] size path"
  sed -n 's/^ \{3\}\([^ ]*\).*/\1/p' "$raw" | awk -F: '{
      if (NF == 7) { id = $1 ":" $2 ":" $5 ":" $4; path = $7 } else { id = $1 ":" $2 ":" $4; path = $6 }
      print id, path }' | sort | while read -r id path; do
        printf '%s %s\n' "$id" "$(stat -c %s "$path")"
      done > "$out/$when/$name.sized"
  awk '{ printf "%s\n", $1; n++; bytes += $2 }
       END { printf "# %d artifacts, %.1f MB of jars\n", n, bytes / 1048576 }' "$out/$when/$name.sized" \
    > "$out/$when/$name.txt"
  rm -f "$raw" "$out/$when/$name.sized"
  echo "$when/$name: $(tail -n 1 "$out/$when/$name.txt")"
}

after() {
  local repo="$it/target/local-repo" settings="$out/settings.xml"
  [ -d "$repo/io/p4n4/p4n4-lib-bom" ] || { echo "no $repo: run ./mvnw -B verify -pl p4n4-lib-consumers-it -am -DskipTests -Dinvoker.skip=false" >&2; exit 2; }
  mkdir -p "$out"
  # the invoker's settings: the user's repository for plugins, p4n4 only from the isolated one
  sed "s#@localRepositoryUrl@#file://$m2#" src/it/settings.xml > "$settings"
  for c in "${consumers[@]}"; do
    list "$root/examples/consumers/$c/pom.xml" "$repo" "$settings" "$c" after
  done
}

# name dependencies-xml -> a throwaway pom of a user of the old modules
before_pom() {
  local dir="$out/before-poms/$1"
  mkdir -p "$dir"
  cat > "$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example.p4n4.before</groupId>
  <artifactId>$1</artifactId>
  <version>1.0</version>
  <dependencies>
$2
  </dependencies>
</project>
EOF
  echo "$dir/pom.xml"
}

dep() { # artifactId [type] [scope]
  printf '    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>%s%s</dependency>\n' \
    "${4:-io.p4n4}" "$1" "${5:-0.1.0-SNAPSHOT}" "${2:+<type>$2</type>}" "${3:+<scope>$3</scope>}"
}

before() {
  local commit=$1 src="${BEFORE_SRC:-$it/target/before-src}" repo="${BEFORE_REPO:-$it/target/before-repo}"
  [ -d "$src" ] || git -C "$root" worktree add --detach "$src" "$commit"
  if [ ! -d "$repo" ]; then
    cp -r "$m2" "$repo"
    rm -rf "$repo/io/p4n4"   # whatever p4n4 build ~/.m2 holds is not the one of $commit
  fi
  [ -d "$repo/io/p4n4/p4n4-lib-core" ] || (cd "$src" && ./mvnw -B -q -Dmaven.repo.local="$repo" install -DskipTests -Djacoco.skip=true \
    -pl p4n4-lib-api,p4n4-lib-core,p4n4-lib-docker,p4n4-lib-clients,p4n4-lib-podman -am)
  list "$(before_pom compose-docker "$(dep p4n4-lib-core; dep p4n4-lib-docker)")" "$repo" "" compose-docker before
  list "$(before_pom clients-only "$(dep p4n4-lib-clients)")" "$repo" "" clients-only before
  list "$(before_pom agent-podman "$(dep p4n4-lib-core; dep p4n4-lib-clients; dep p4n4-lib-podman)")" \
    "$repo" "" agent-podman before
  # the kit was p4n4-lib-api's test-jar, which brings none of its own test dependencies: JUnit and AssertJ
  # were the backend's to declare
  list "$(before_pom engine-kit "$(dep p4n4-lib-docker; dep p4n4-lib-api test-jar test
    dep junit-jupiter "" test org.junit.jupiter 5.14.4; dep assertj-core "" test org.assertj 3.27.7)")" \
    "$repo" "" engine-kit before
  echo "remove the worktree with: git worktree remove $src"
}

case "${1:-}" in
  after) after ;;
  before) before "${2:?commit}" ;;
  *) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
