#!/bin/sh
# The example agent as the client under test of the official conformance suite (client mode). The suite runs
#   <this script> <server-url>
# with MCP_CONFORMANCE_SCENARIO set, and MCP_CONFORMANCE_CONTEXT (JSON) for pre-registered credentials.
# AGENT_JAR names the agent's jar (examples/agent/target/agent-app.jar). ConformanceClientModeIT runs it.
set -eu
url="$1"
set -- --browser http --call-listed
if [ -n "${MCP_CONFORMANCE_CONTEXT:-}" ]; then
  id=$(node -e 'process.stdout.write(JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT).client_id || "")')
  secret=$(node -e 'process.stdout.write(JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT).client_secret || "")')
  if [ -n "$id" ]; then
    set -- "$@" --client-id "$id"
  fi
  if [ -n "$secret" ]; then
    AGENT_CLIENT_SECRET="$secret"
    export AGENT_CLIENT_SECRET
  fi
fi
exec "${JAVA:-java}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$AGENT_JAR" "$@" --mcp "$url"
