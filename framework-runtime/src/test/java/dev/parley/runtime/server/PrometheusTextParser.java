package dev.parley.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus text exposition parsed by the Prometheus Python client's own parser
 * ({@code prometheus_client.parser.text_string_to_metric_families}, Debian's python3-prometheus-client, installed
 * by {@code ./parley prereqs}): every sample as name, labels and value.
 */
public final class PrometheusTextParser {
    static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "for family in text_string_to_metric_families(sys.stdin.read()):",
            "    for s in family.samples:",
            "        print(json.dumps({'family': family.name, 'type': family.type, 'name': s.name,",
            "                          'labels': s.labels, 'value': s.value}))");

    public record Sample(String family, String type, String name, Map<String, String> labels, double value) {
    }

    private PrometheusTextParser() {
    }

    public static List<Sample> parse(String exposition) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON, "-c", SCRIPT).redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("the Prometheus text parser failed (run ./parley prereqs for "
                    + "python3-prometheus-client): " + err);
        }
        ObjectMapper json = new ObjectMapper();
        List<Sample> samples = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                Map<String, String> labels = json.convertValue(n.path("labels"),
                        json.getTypeFactory().constructMapType(Map.class, String.class, String.class));
                samples.add(new Sample(n.path("family").asText(), n.path("type").asText(), n.path("name").asText(),
                        labels, n.path("value").asDouble()));
            }
        }
        return samples;
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels}. */
    public static double sum(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name)
                && s.labels().entrySet().containsAll(labels.entrySet())).mapToDouble(Sample::value).sum();
    }
}
