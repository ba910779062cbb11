package io.github.trailkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudTrailCommandTest {
    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Usage: cloudtrail")
                .contains("records")
                .contains("scan")
                .contains("rules")
                .contains("Exit codes");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .startsWith("cloudtrail (trailkit) ")
                .doesNotContain("unknown")
                .doesNotContain("${");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("records", "--no-such-option", Cli.SAMPLE);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void anUnknownCommandOrNoCommandIsAUsageError() {
        assertThat(Cli.run("frobnicate").exit()).isEqualTo(2);
        Cli.Result none = Cli.run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required subcommand").contains("records");
    }

    @Test
    void subcommandsHaveHelp() {
        Cli.Result r = Cli.run("scan", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--rules=FILE").contains("--fail-on-findings");
    }
}
