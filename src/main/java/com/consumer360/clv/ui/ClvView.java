package com.consumer360.clv.ui;

import com.consumer360.clv.ChurnThresholds;
import com.consumer360.clv.ClvCustomer;
import com.consumer360.clv.ClvModel;
import com.consumer360.clv.ClvService;
import com.consumer360.clv.ClvSummary;
import com.consumer360.clv.InvalidThresholdException;
import com.consumer360.clv.ModelFit;
import com.consumer360.clv.SegmentValue;
import com.consumer360.security.Roles;
import com.consumer360.ui.Cards;
import com.consumer360.ui.ExportLinks;
import com.consumer360.ui.FieldChecks;
import com.consumer360.ui.Formats;
import com.consumer360.ui.PageHeader;
import com.consumer360.ui.RegionFilter;
import com.consumer360.ui.chart.ApexChart;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Customer lifetime value: headline figures, the high-value and churn-risk lists (thresholds on the page and in the
 * URL: {@code ?mscore=4&palive=0.5}), CLV by segment, histograms of CLV and P(alive), and the model's holdout check
 * over the customers the user sees.
 */
@Route("clv")
@PageTitle("Customer lifetime value · Consumer360")
@Menu(title = "Lifetime value", order = 3.5)
@RolesAllowed({Roles.REGIONAL_MANAGER, Roles.EXECUTIVE, Roles.CS_OPS, Roles.ADMIN})
public class ClvView extends Div implements BeforeEnterObserver {

    private final ClvService clv;
    private final RegionFilter regions;
    private final Paragraph summary = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Div figures = new Div();
    private final Grid<ClvCustomer> highValue = ClvGrids.customers("clv-high-value-grid", false);
    private final Paragraph highValueNote = new Paragraph();
    private final ExportLinks highValueExport = new ExportLinks("clv-high-value-export");
    private final IntegerField minMScore = new IntegerField("Min. M score (1–5)");
    private final NumberField maxPAlive = new NumberField("P(alive) below (0.01–1)");
    private final Paragraph churnNote = new Paragraph();
    private final Grid<ClvCustomer> churn = ClvGrids.customers("clv-churn-grid", true);
    private final ExportLinks churnExport = new ExportLinks("clv-churn-export");
    private final ApexChart segmentChart = new ApexChart(Map.of());
    private final Grid<SegmentValue> segments = ClvGrids.segments();
    private final ApexChart clvHistogram = new ApexChart(Map.of());
    private final ApexChart pAliveHistogram = new ApexChart(Map.of());
    private final ApexChart holdoutChart = new ApexChart(Map.of());
    private final Paragraph fitSentence = new Paragraph();
    private final ProgressBar fitProgress = new ProgressBar();
    /** Counts the page's loads: a check recomputed in the background is shown only if no newer load came since. */
    private int loads;
    private final Div parameters = new Div();
    private ChurnThresholds thresholds = ChurnThresholds.DEFAULTS;

    public ClvView(ClvService clv) {
        this.clv = clv;
        addClassNames("c360-page", "c360-clv");
        setId("clv-view");
        regions = new RegionFilter(clv.regions(), this::reload);
        summary.setId("clv-summary");
        summary.addClassName("c360-muted");
        error.setId("clv-threshold-error");
        error.addClassName("c360-error");
        error.setVisible(false);
        figures.setId("clv-figures");
        figures.addClassName("c360-clv-figures");
        configureThresholds();
        segmentChart.setId("clv-segment-chart");
        clvHistogram.setId("clv-histogram");
        pAliveHistogram.setId("clv-palive-histogram");
        holdoutChart.setId("clv-holdout-chart");
        fitSentence.setId("clv-fit-sentence");
        fitProgress.setId("clv-fit-progress");
        fitProgress.setIndeterminate(true);
        fitProgress.setVisible(false);
        fitSentence.addClassName("c360-clv-fit");
        parameters.setId("clv-parameters");
        parameters.addClassName("c360-clv-parameters");
        highValueNote.addClassName("c360-muted");
        churnNote.setId("clv-churn-count");
        churnNote.addClassName("c360-muted");

        Div churnControls = new Div(minMScore, maxPAlive);
        churnControls.addClassName("c360-clv-thresholds");
        Div lists = new Div(
                section("High value", "clv-high-value", highValueExport, highValueNote, highValue),
                section("Churn risk", "clv-churn", churnExport, churnControls, churnNote, churn));
        lists.addClassName("c360-clv-lists");
        Div bySegment = new Div(segmentChart, segments);
        bySegment.addClassNames("c360-clv-pair", "c360-clv-segments");
        Div distributions = new Div(clvHistogram, pAliveHistogram);
        distributions.addClassName("c360-clv-pair");
        Div fit = new Div(new Div(fitSentence, fitProgress, holdoutChart), Cards.card("Model", parameters));
        fit.addClassName("c360-clv-pair");
        fit.setId("clv-model-fit");
        add(PageHeader.of("Customer lifetime value", summary, regions), error, figures, lists,
                new H3("CLV by RFM segment"), bySegment, new H3("Distributions"), distributions,
                new H3("How far to trust the model"), fit, ClvDefinitions.panel());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        try {
            thresholds = ChurnThresholds.parse(first(parameters, "mscore"), first(parameters, "palive"));
            error.setVisible(false);
        } catch (InvalidThresholdException e) {
            thresholds = ChurnThresholds.DEFAULTS;
            error.setText(e.getMessage() + " Showing the defaults: M score ≥ 4, P(alive) < 0.5.");
            error.setVisible(true);
        }
        minMScore.setValue(thresholds.minMScore());
        maxPAlive.setValue(thresholds.maxPAlive());
        reload();
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private void configureThresholds() {
        minMScore.setId("clv-mscore");
        minMScore.setMin(1);
        minMScore.setMax(5);
        minMScore.setStepButtonsVisible(true);
        minMScore.setHelperText("Default 4");
        minMScore.setRequiredIndicatorVisible(true);
        minMScore.setI18n(new IntegerField.IntegerFieldI18n()
                .setRequiredErrorMessage("Enter a minimum M score from 1 to 5.")
                .setBadInputErrorMessage("Enter a whole number from 1 to 5.")
                .setMinErrorMessage("The M score is at least 1.").setMaxErrorMessage("The M score is at most 5."));
        maxPAlive.setId("clv-palive");
        // The stored churn counts are per step of 0.01 (V47), the smallest threshold above 0 the field moves to.
        maxPAlive.setMin(0.01);
        maxPAlive.setMax(1);
        maxPAlive.setStep(0.01);
        maxPAlive.setStepButtonsVisible(true);
        maxPAlive.setHelperText("Default 0.5");
        maxPAlive.setRequiredIndicatorVisible(true);
        maxPAlive.setI18n(new NumberField.NumberFieldI18n()
                .setRequiredErrorMessage("Enter a P(alive) from 0.01 to 1.")
                .setBadInputErrorMessage("Enter a number from 0.01 to 1, with a point for decimals (0.5).")
                .setMinErrorMessage("P(alive) below is at least 0.01.")
                .setStepErrorMessage("Use at most two decimals, for example 0.35.")
                .setMaxErrorMessage("P(alive) below is at most 1."));
        minMScore.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                thresholdsChanged();
            }
        });
        maxPAlive.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                thresholdsChanged();
            }
        });
        // Text that is no number changes no value; the field's own check says so, and the list follows.
        minMScore.addValidationStatusChangeListener(e -> thresholdsChanged());
        maxPAlive.addValidationStatusChangeListener(e -> thresholdsChanged());
    }

    private void thresholdsChanged() {
        if (FieldChecks.refused(minMScore) || FieldChecks.refused(maxPAlive)) {
            // The field says what is wrong; no list of the thresholds before stays under the refused ones.
            showChurnList(false);
            return;
        }
        try {
            if (minMScore.getValue() == null || maxPAlive.getValue() == null) {
                throw new InvalidThresholdException("Enter both thresholds: a minimum M score from 1 to 5 and a "
                        + "P(alive) above 0 and at most 1.");
            }
            thresholds = new ChurnThresholds(minMScore.getValue(), maxPAlive.getValue());
        } catch (InvalidThresholdException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            showChurnList(false);
            return;
        }
        error.setVisible(false);
        showChurnList(true);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "clv?" + QueryParameters.simple(Map.of(
                "mscore", String.valueOf(thresholds.minMScore()), "palive", String.valueOf(thresholds.maxPAlive())))
                .getQueryString()));
        showChurn(regions.regionIds());
    }

    private void reload() {
        Set<Short> filter = regions.regionIds();
        ClvSummary s = clv.summary(filter);
        summary.setText(summaryText(s));
        showFigures(s);
        String asOf = String.valueOf(s.asOf());
        long top = clv.highValueCount(filter);
        highValueNote.setText("The " + Formats.count(top) + " customers with the largest CLV"
                + (s.model() == null ? "." : " over " + s.model().clvMonths() + " months."));
        highValue.setItems(q -> clv.highValue(filter, q.getOffset(), q.getLimit()).stream(), q -> (int) top);
        highValue.getColumnByKey("region").setVisible(regions.isVisible());
        highValueExport.set("clv-high-value-" + asOf, (format, out) -> clv.exportHighValue(filter, format, out));
        showChurn(filter);
        List<SegmentValue> bySegment = clv.bySegment(filter);
        segments.setItems(bySegment);
        segmentChart.setOptions(ClvCharts.bySegment(bySegment));
        clvHistogram.setOptions(ClvCharts.histogram("Customers by CLV (logarithmic bins)", clv.clvHistogram(filter),
                "#1f6feb"));
        pAliveHistogram.setOptions(ClvCharts.histogram("Customers by P(alive)", clv.pAliveHistogram(filter),
                "#8250df"));
        int load = ++loads;
        fitProgress.setVisible(false);
        clv.modelFitAtHand(filter).ifPresentOrElse(fit -> showFit(s, fit), () -> showFitLater(s, filter, load));
    }

    /**
     * The holdout check of a snapshot whose refresh stored no sums: recomputed from every invoice in scope, in the
     * background with the signed-in user's scope, while the rest of the page is there; shown if the page has not
     * been reloaded since (another region filter).
     */
    private void showFitLater(ClvSummary s, Set<Short> filter, int load) {
        showParameters(s);
        fitSentence.setText("Checking the model against the holdout period for your customers…");
        holdoutChart.setVisible(false);
        fitProgress.setVisible(true);
        UI ui = UI.getCurrent();
        Runnable check = new DelegatingSecurityContextRunnable(() -> {
            Runnable show;
            try {
                ModelFit fit = clv.modelFit(filter);
                show = () -> showFit(s, fit);
            } catch (RuntimeException e) {
                show = () -> fitSentence.setText("The holdout check could not be computed: " + e.getMessage());
            }
            Runnable shown = show;
            ui.access(() -> {
                if (load == loads) {
                    fitProgress.setVisible(false);
                    shown.run();
                }
            });
        }, SecurityContextHolder.getContext());
        Thread.ofVirtual().name("clv-holdout-check").start(check);
    }

    private void showChurnList(boolean shown) {
        if (!shown) {
            churnNote.setText("Correct the thresholds to list the churn risks.");
        }
        churn.setVisible(shown);
        churnExport.setVisible(shown);
    }

    private void showChurn(Set<Short> filter) {
        if (FieldChecks.refused(minMScore) || FieldChecks.refused(maxPAlive)) {
            showChurnList(false);
            return;
        }
        showChurnList(true);
        ChurnThresholds t = thresholds;
        long count = clv.churnRiskCount(t, filter);
        churnNote.setText(Formats.count(count) + " customers with M score ≥ " + t.minMScore() + " and P(alive) < "
                + t.maxPAlive() + ", by value at risk = past value × (1 − P(alive)).");
        churn.setItems(q -> clv.churnRisk(t, filter, q.getOffset(), q.getLimit()).stream(), q -> (int) count);
        churn.getColumnByKey("region").setVisible(regions.isVisible());
        churnExport.set("clv-churn-risk-m" + t.minMScore() + "-p" + t.maxPAlive(),
                (format, out) -> clv.exportChurnRisk(t, filter, format, out));
    }

    private static String summaryText(ClvSummary s) {
        if (s.asOf() == null) {
            return s.note();
        }
        if (s.model() == null) {
            return "Snapshot of " + s.asOf() + " has no CLV. " + (s.note() == null ? "" : s.note());
        }
        ClvModel m = s.model();
        return "Expected value of your customers as of " + s.asOf() + ": BG/NBD and Gamma-Gamma fitted on "
                + "all regions' purchases up to " + m.fitEnd() + ". Horizon " + Formats.decimal(m.horizonWeeks(), 0)
                + " weeks for expected purchases, " + m.clvMonths() + " months for CLV at a monthly discount rate of "
                + Formats.percent(m.monthlyDiscountRate()) + ".";
    }

    private void showFigures(ClvSummary s) {
        figures.removeAll();
        Div horizon = Cards.figure("CLV horizon", s.model() == null ? "–" : s.model().clvMonths() + " months",
                "clv-horizon");
        if (s.model() != null) {
            Span discount = new Span("discounted " + Formats.percent(s.model().monthlyDiscountRate()) + " a month");
            discount.addClassName("c360-muted");
            discount.setId("clv-discount");
            horizon.add(discount);
        }
        figures.add(Cards.figure("Customers valued", Formats.count(s.customersValued()), "clv-customers"),
                Cards.figure(Formats.withCurrency("Total expected CLV"), Formats.money(s.totalClv()), "clv-total"),
                Cards.figure(Formats.withCurrency("Mean CLV"), Formats.money(s.meanClv()), "clv-mean"),
                Cards.figure("Expected purchases, next " + (s.model() == null ? "period"
                        : Formats.decimal(s.model().horizonWeeks(), 0) + " weeks"),
                        Formats.decimal(s.expectedPurchases(), 0), "clv-expected-purchases"),
                Cards.figure("P(alive) < 0.5", Formats.percent(s.likelyGoneShare()), "clv-likely-gone"),
                horizon);
    }

    private void showFit(ClvSummary s, ModelFit fit) {
        showParameters(s);
        if (fit.refit() == null) {
            fitSentence.setText(fit.note());
            holdoutChart.setVisible(false);
            return;
        }
        ModelFit.Group none = fit.groups().getFirst();
        ClvModel.BgNbdParameters refit = fit.refit();
        parameters.add(line("Calibration", "first purchase to " + fit.calibrationEnd() + " (refit on every region: r = "
                        + d(refit.r()) + ", α = " + d(refit.alpha()) + ", a = " + d(refit.a()) + ", b = " + d(refit.b())
                        + ", log-likelihood " + Formats.decimal(refit.logLikelihood(), 1) + ")"),
                line("Holdout", "after " + fit.calibrationEnd() + " to " + fit.holdoutEnd() + " ("
                        + Formats.decimal(fit.holdoutWeeks(), 1) + " weeks), " + Formats.count(fit.customers())
                        + " of your customers, " + Formats.count(none.customers()) + " of them without a repeat "
                        + "purchase in calibration"));
        fitSentence.setText(fitSentence(fit));
        holdoutChart.setVisible(true);
        holdoutChart.setOptions(ClvCharts.holdout(fit));
    }

    /** The fitted model's parameters (the holdout check adds its calibration and holdout lines). */
    private void showParameters(ClvSummary s) {
        parameters.removeAll();
        if (s.model() != null) {
            ClvModel m = s.model();
            ClvModel.BgNbdParameters bg = m.bgNbd();
            parameters.add(Cards.muted("Fitted on the whole customer base (all regions), purchases up to "
                    + m.fitEnd() + ", in weeks."),
                    line("BG/NBD", "r = " + d(bg.r()) + ", α = " + d(bg.alpha()) + ", a = " + d(bg.a()) + ", b = "
                            + d(bg.b()) + "; log-likelihood " + Formats.decimal(bg.logLikelihood(), 1)),
                    line("Gamma-Gamma", "p = " + d(m.p()) + ", q = " + d(m.q()) + ", v = " + d(m.v())
                            + "; log-likelihood " + Formats.decimal(m.gammaGammaLogLikelihood(), 1)));
        }
    }

    /** "The model predicts 1,234 repeat purchases in the holdout, 1,198 happened: +3.0 %." */
    static String fitSentence(ModelFit fit) {
        double predicted = fit.predicted();
        double actual = fit.actual();
        if (fit.customers() == 0) {
            return "No customer in your view has purchases before the calibration end.";
        }
        String difference = actual == 0 ? "no purchase to compare with"
                : (predicted >= actual ? "+" : "−") + Formats.decimal(Math.abs(predicted / actual - 1) * 100, 1) + " %";
        return "The model predicts " + Formats.count(Math.round(predicted)) + " repeat purchases in the holdout, "
                + Formats.count(Math.round(actual)) + " happened: " + difference + ".";
    }

    private static Div line(String label, String text) {
        return Cards.figure(label, text, null);
    }

    private static String d(double value) {
        return Formats.decimal(value, 4);
    }

    private static Div section(String title, String id, ExportLinks export, com.vaadin.flow.component.Component... body) {
        Div header = new Div(new H3(title), export);
        header.addClassName("c360-clv-list-header");
        Div section = new Div(header);
        section.add(body);
        section.addClassName("c360-card");
        section.setId(id);
        return section;
    }
}
