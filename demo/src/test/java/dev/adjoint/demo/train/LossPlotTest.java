package dev.adjoint.demo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The loss curve is written as a readable PNG or SVG holding the run's series. */
class LossPlotTest {

    @TempDir
    Path dir;

    private static Trainer.Result result() {
        double[] steps = new double[40];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 2.0 / (1 + i);
        }
        return new Trainer.Result(null, List.of(
                new Trainer.Epoch(1, 0.8, 0.7, 0.6, 0.75, 1000, 1),
                new Trainer.Epoch(2, 0.4, 0.8, 0.5, 0.85, 1000, 2)), steps, 20);
    }

    @Test
    void chartHasTheMiniBatchCurveTestLossAndTestAccuracy() {
        XYChart chart = LossPlot.chart(result(), "t");
        assertEquals(3, chart.getSeriesMap().size());
        var batch = chart.getSeriesMap().values().iterator().next();
        assertEquals(40, batch.getXData().length);
        assertEquals(2.0, batch.getXData()[39], 1e-12, "x is in epochs");
        assertEquals(2.0, batch.getYData()[0], 1e-12, "the first point is the first loss");
    }

    @Test
    void theAccuracyAxisSpansTheRunsAccuracies() {
        XYChart chart = LossPlot.chart(result(), "t");
        assertEquals(0.0, chart.getStyler().getYAxisMin(0), "the loss axis starts at 0");
        assertEquals(74.0, chart.getStyler().getYAxisMin(1), "75 % - 1, not 0 %");
        assertEquals(86.0, chart.getStyler().getYAxisMax(1), "85 % + 1, not 100 %");
    }

    @Test
    void writesAPng() throws IOException {
        Path file = dir.resolve("loss.png");
        LossPlot.write(LossPlot.chart(result(), "t"), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertEquals(960, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void writesAnSvgWhenTheNameSaysSo() throws IOException {
        Path file = dir.resolve("sub/loss.svg");
        LossPlot.write(LossPlot.chart(result(), "t"), file);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
        assertTrue(svg.strip().endsWith("</svg>"), "a complete document");
        assertTrue(svg.contains("<path") || svg.contains("<polyline"), "with drawn lines");
    }
}
