package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.cfg.PackageVersion;
import io.github.trailkit.model.internal.JacksonSupport;
import org.junit.jupiter.api.Test;

/**
 * Which Jackson the tests run on and which parser the reader picked for it. The build runs the conformance tests once
 * more on each Jackson users have (see the model's pom); this test proves that each run really has that Jackson.
 */
final class JacksonVersionTest {

    @Test
    void theClassPathHasTheJacksonOfThisRun_andTheReaderPicksItsParserByVersion() {
        String expected = System.getProperty("trailkit.test.jackson");
        String core = JacksonSupport.VERSION.toString();
        if (expected != null) {
            assertThat(core).isEqualTo(expected);
            assertThat(PackageVersion.VERSION.toString()).as("jackson-databind").isEqualTo(expected);
        }
        boolean from218 =
                JacksonSupport.VERSION.getMinorVersion() >= 18 || JacksonSupport.VERSION.getMajorVersion() > 2;
        assertThat(JacksonSupport.FAST_PARSER).as(JacksonSupport.describe()).isEqualTo(from218);
        assertThat(JacksonSupport.DOCUMENT_LENGTH)
                .isEqualTo(
                        JacksonSupport.VERSION.getMinorVersion() >= 16 || JacksonSupport.VERSION.getMajorVersion() > 2);
    }
}
