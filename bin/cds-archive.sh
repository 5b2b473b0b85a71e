#!/usr/bin/env bash
# Prepares the application for a fast start with Class Data Sharing (Spring Boot's CDS support):
#   1. extracts the executable jar into DEST (the application jar + lib/, what CDS needs: plain jars);
#   2. a training run that starts the application context, then exits (-Dspring.context.exit=onRefresh),
#      and writes the classes it loaded to DEST/app.jsa (-XX:ArchiveClassesAtExit).
# Then run, from anywhere, with the same JDK:
#   java -XX:SharedArchiveFile=DEST/app.jsa -jar DEST/appels-a-projets.jar
# (a stale or foreign archive — other JDK, other jar — is ignored by the JVM with a warning: the application
# still starts, only slower). Redo it after every build.
#
# The training run needs no database of yours: the default profile on an in-memory H2 database (what it
# writes is thrown away). The classes that only PostgreSQL's driver and profile load are not archived;
# they load as usual.
#
# Usage: bin/cds-archive.sh [JAR] [DEST]   (defaults: target/appels-a-projets-*.jar, target/app)
set -euo pipefail
JAR=${1:-$(ls target/appels-a-projets-*.jar | grep -v original | head -1)}
DEST=${2:-target/app}
JAVA=${JAVA:-java}

# only what this script makes is replaced (DEST may be a directory of other things, e.g. /app in the image)
mkdir -p "$DEST"
rm -rf "$DEST/lib" "$DEST/appels-a-projets.jar" "$DEST/app.jsa"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST" --application-filename appels-a-projets.jar --force
DEST=$(cd "$DEST" && pwd)
cd "$DEST"
# the environment of a deployment must not send the training run to a real database
env -u SPRING_PROFILES_ACTIVE -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
  -u AAP_DEMO_DATA -u JAVA_TOOL_OPTIONS \
  "$JAVA" -XX:ArchiveClassesAtExit="$DEST/app.jsa" -Xlog:cds=error -Xlog:cds+dynamic=error \
  -Dspring.context.exit=onRefresh -Duser.timezone=Europe/Paris -Dfile.encoding=UTF-8 \
  -jar "$DEST/appels-a-projets.jar" \
  --spring.datasource.url="jdbc:h2:mem:cds-training;DB_CLOSE_DELAY=-1" --spring.datasource.username=sa \
  --spring.datasource.password= --server.port=0 --spring.main.banner-mode=off --logging.level.root=warn
echo "Archive CDS : $DEST/app.jsa ($(du -m "$DEST/app.jsa" | cut -f1) Mio)"
echo "Lancement : java -XX:SharedArchiveFile=$DEST/app.jsa -jar $DEST/appels-a-projets.jar"
