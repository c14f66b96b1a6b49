#!/usr/bin/env bash
# Starts the ENT platform on this machine: embedded PostgreSQL, Keycloak, Open Liberty (tenant-manager + ent-runtime),
# two demo collectivities with demo accounts. Builds first (tests skipped). Ctrl-C stops everything; data stays in .local/.
set -euo pipefail
cd "$(dirname "$0")"

pick_jdk() {
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then
      major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
      if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
    fi
  done
  echo "Aucun JDK 21 ou plus trouvé : définissez JAVA_HOME vers un JDK 21+." >&2
  exit 1
}
export JAVA_HOME="$(pick_jdk)"

echo "Construction (mvn install, tests ignorés)…"
mvn -B -q install -DskipTests
exec "$JAVA_HOME/bin/java" -cp "local-platform/target/classes:$(cat local-platform/target/launcher.classpath)" \
  fr.ent.platform.local.Launcher "$@"
