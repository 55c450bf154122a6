package com.consumer360.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md's validation of the segment map: Champions really are the top spenders. Checked on the demo
 * retailer (docs/demo-data.md) produced by the {@code generate} command, analysed by {@code analyze}.
 */
class DemoDataChampionsTest {

    @TempDir
    Path dir;

    @Test
    void championsOutspendEveryOtherSegmentOnTheDemoData() throws IOException {
        Path demo = dir.resolve("demo.csv.gz");
        assertThat(BatchCli.run(new String[] {"--lines", "200000", "--out", demo.toString(), "--seed", "42",
            "--end", "2011-12-09"}, "generate")).isZero();
        Path out = dir.resolve("out");
        AnalyzeRun run = AnalyzeRun.of("--input", demo.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String[]> segments = Files.readAllLines(out.resolve("segments.csv")).stream().skip(1)
                .map(line -> line.split(",")).toList();
        String[] champions = segments.getFirst();
        assertThat(champions[0]).isEqualTo("Champions");
        assertThat(Integer.parseInt(champions[1])).isPositive();
        double championsMean = Double.parseDouble(champions[7]);
        assertThat(segments.stream().skip(1).filter(s -> Integer.parseInt(s[1]) > 0))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(Double.parseDouble(s[7])).as(s[0]).isLessThan(championsMean));
        // and they bring more than their share of revenue: revenue_share > customer_share
        assertThat(Double.parseDouble(champions[4])).isGreaterThan(Double.parseDouble(champions[3]));
    }
}
