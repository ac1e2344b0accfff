#!/usr/bin/env bash
# Makes the class-data archive (AppCDS) of the packaged app with the JVM that will run it: the container image runs
# this at build time (deploy/Dockerfile.jvm), so the archive matches the image's own JDK. Nothing is reachable then,
# and nothing needs to be: the training start loads Quarkus, Hibernate, Flyway, OIDC, Qute and the application up to
# its first database connection, fails there on purpose, and the JVM archives every class it loaded when it exits.
# The values below are placeholders for that one start, not configuration (the app refuses to start without them).
# Usage: deploy/train-cds.sh [app folder, default /deployments]   (writes <folder>/investcrm-cds.jsa)
# Measured (README, Benchmarks): start to ready 2.45–2.55 s with this archive, 2.86–3.20 s without.
set -u
dir=${1:-/deployments}
log=${TMPDIR:-/tmp}/investcrm-cds-training.log
rm -f "$dir/investcrm-cds.jsa"
env INVESTCRM_DB_URL="jdbc:mysql://127.0.0.1:1/training" INVESTCRM_DB_USER=training INVESTCRM_DB_PASSWORD=training \
    INVESTCRM_OIDC_URL="http://127.0.0.1:1/realms/training" INVESTCRM_OIDC_CLIENT_ID=training INVESTCRM_OIDC_SECRET=training \
    INVESTCRM_SESSION_SECRET=training-only-not-a-secret-0123456789 \
    INVESTCRM_CSRF_SECRET=training-only-not-a-csrf-key-0123456789 INVESTCRM_SECRETS_CHECK=false \
    INVESTCRM_OIDC_ORIGIN=http://127.0.0.1:1 INVESTCRM_TRUSTED_PROXIES=127.0.0.1 \
    INVESTCRM_PII_KEY=dHJhaW5pbmctb25seS0tbm90LWEtc2VjcmV0LS0zMkI= \
    INVESTCRM_PII_INDEX_KEY=dHJhaW5pbmctaW5kZXgtLW5vdC1hLXNlY3JldC0zMkI= \
    INVESTCRM_SMTP_HOST=localhost INVESTCRM_SMTP_PORT=25 INVESTCRM_MAIL_FROM=training@localhost \
    java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$dir/investcrm-cds.jsa" \
    -Dquarkus.http.port=0 -Dquarkus.flyway.migrate-at-start=false -jar "$dir/quarkus-run.jar" > "$log" 2>&1
if [ ! -s "$dir/investcrm-cds.jsa" ]; then
    echo "no class-data archive was written; the training start said:" >&2
    tail -20 "$log" >&2
    exit 1
fi
echo "class-data archive: $dir/investcrm-cds.jsa ($(du -h "$dir/investcrm-cds.jsa" | cut -f1))"
