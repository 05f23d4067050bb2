#!/usr/bin/env bash
# prereqs-set: test
# What MetricsScrapeTest parses the Prometheus text exposition with:
#   python3-prometheus-client  (for /usr/bin/python3, Debian's) the Prometheus Python client's own text-format parser
#                              (prometheus_client.parser.text_string_to_metric_families)
# Installs only what is missing; idempotent.
set -euo pipefail
PREREQ_TAG=prometheus-parser
source "$(dirname "${BASH_SOURCE[0]}")/../lib/install.sh"

apt_install python3-prometheus-client || prereq_fail "could not install python3-prometheus-client for MetricsScrapeTest"
/usr/bin/python3 -c 'import prometheus_client.parser' || prereq_fail "/usr/bin/python3 (Debian's) cannot import prometheus_client.parser"
