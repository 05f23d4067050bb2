package dev.parley.it.samples;

import dev.parley.it.RepoPaths;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's "Writing a plugin" section against samples/third-party-plugin: every file it names exists, its install
 * command and zip name are the ones ThirdPartyPluginE2EIT uses, its POM snippet's dependencies are the sample's
 * (same scopes), its code lines are in the sources it names, and its pipeline line is in the sample's YAML.
 */
class WritingAPluginReadmeTest {
    private static final Path ROOT = RepoPaths.root();
    private static final Path SAMPLE = ROOT.resolve("samples/third-party-plugin");

    private static String section() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("### Writing a plugin");
        assertTrue(start >= 0, "README has no 'Writing a plugin' section");
        int end = readme.indexOf("\n## ", start);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static List<String> fenced(String text, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyFileTheSectionNamesExists() throws Exception {
        Matcher m = Pattern.compile("`((?:samples|parley-tck|plugins)/[^`\\s]+)`").matcher(section());
        int n = 0;
        while (m.find()) {
            assertTrue(Files.exists(ROOT.resolve(m.group(1))), "README names " + m.group(1) + ", which is missing");
            n++;
        }
        assertTrue(n >= 5, "the section names the sample's files (" + n + " found)");
    }

    @Test
    void theInstallCommandAndZipAreTheOnesTheTestUses() throws Exception {
        String s = section();
        assertTrue(s.contains("mvn -B " + String.join(" ", ThirdPartyPluginE2EIT.INSTALL)),
                "step 1 must be the install ThirdPartyPluginE2EIT runs: mvn -B "
                        + String.join(" ", ThirdPartyPluginE2EIT.INSTALL));
        assertTrue(s.contains(ThirdPartyPluginE2EIT.ZIP), "README names the zip " + ThirdPartyPluginE2EIT.ZIP);
    }

    @Test
    void thePomSnippetHasTheSamplesDependenciesAndScopes() throws Exception {
        String xml = fenced(section(), "xml").get(0);
        String pom = Files.readString(SAMPLE.resolve("pom.xml")).replaceAll("\\s+", "");
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>.*?<scope>([^<]+)</scope>", Pattern.DOTALL)
                .matcher(xml);
        int n = 0;
        while (m.find()) {
            Pattern inPom = Pattern.compile("<artifactId>" + Pattern.quote(m.group(1))
                    + "</artifactId>(<version>[^<]+</version>)?(<type>pom</type>)?<scope>" + Pattern.quote(m.group(2)));
            assertTrue(inPom.matcher(pom).find(), "the sample's pom.xml lacks " + m.group(1) + " with scope "
                    + m.group(2));
            n++;
        }
        assertEquals(4, n, "BOM import, SPI, pf4j and the kit");
    }

    @Test
    void theCodeLinesAreInTheSourcesTheSectionNames() throws Exception {
        String s = section();
        List<String> java = fenced(s, "java");
        assertEquals(2, java.size(), "a provider and a TCK test snippet");
        List<Path> files = List.of(
                SAMPLE.resolve("src/main/java/org/example/parley/flite/FliteTtsProvider.java"),
                SAMPLE.resolve("src/test/java/org/example/parley/flite/FliteTtsTckTest.java"));
        for (int i = 0; i < files.size(); i++) {
            String source = Files.readString(files.get(i));
            int at = 0;
            for (String line : java.get(i).strip().split("\n")) {
                int found = source.indexOf(line.strip(), at);
                assertTrue(found >= 0, files.get(i).getFileName() + " lacks, in order, the README line: " + line);
                at = found;
            }
        }
    }

    @Test
    void thePipelineLineIsTheSamplesYaml() throws Exception {
        String line = "tts: {provider: flite, config: {voice: slt}}";
        assertTrue(section().contains(line));
        String yaml = Files.readString(SAMPLE.resolve("flite.yaml")).replaceAll(" +", " ");
        assertTrue(yaml.contains(line.replaceAll(" +", " ")),
                "samples/third-party-plugin/flite.yaml has " + line);
    }
}
