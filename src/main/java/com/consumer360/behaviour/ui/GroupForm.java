package com.consumer360.behaviour.ui;

import com.consumer360.analytics.rfm.Segment;
import com.consumer360.behaviour.GroupRule;
import com.consumer360.behaviour.InvalidSelectionException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Set;

/**
 * One group's rule: a preset to start from, then segments and ranges of recency, frequency, monetary and a
 * minimum M score. Element ids start with {@code prefix} (e.g. {@code group-a-frequency-min}).
 */
final class GroupForm extends Div {

    private final String name;
    private final Select<GroupRule.Preset> preset = new Select<>();
    private final MultiSelectComboBox<String> segments = new MultiSelectComboBox<>("Segments");
    private final IntegerField minRecency = whole("Recency from (days)", "from");
    private final IntegerField maxRecency = whole("Recency to (days)", "to");
    private final IntegerField minFrequency = whole("Frequency from", "from");
    private final IntegerField maxFrequency = whole("Frequency to", "to");
    private final NumberField minMonetary = money("Monetary from", "from");
    private final NumberField maxMonetary = money("Monetary to", "to");
    private final IntegerField minMScore = whole("M score at least", "any");
    private final Span description = new Span();

    GroupForm(String name, String prefix, String color, GroupRule.Preset initial) {
        this.name = name;
        addClassName("c360-card");
        addClassName("c360-group-form");
        setId(prefix + "-form");
        getStyle().set("--c360-group-color", color);
        H3 title = new H3(name);
        title.addClassName("c360-group-title");
        preset.setLabel("Start from");
        preset.setItems(GroupRule.PRESETS);
        preset.setItemLabelGenerator(GroupRule.Preset::name);
        preset.setId(prefix + "-preset");
        preset.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                fill(e.getValue().rule());
            }
        });
        segments.setItems(Arrays.stream(Segment.values()).map(Segment::label).toList());
        segments.setPlaceholder("Any segment");
        segments.setClearButtonVisible(true);
        segments.setId(prefix + "-segments");
        minRecency.setId(prefix + "-recency-min");
        maxRecency.setId(prefix + "-recency-max");
        minFrequency.setId(prefix + "-frequency-min");
        maxFrequency.setId(prefix + "-frequency-max");
        minMonetary.setId(prefix + "-monetary-min");
        maxMonetary.setId(prefix + "-monetary-max");
        minMScore.setId(prefix + "-mscore-min");
        minMScore.setMin(1);
        minMScore.setMax(5);
        minMScore.setStepButtonsVisible(true);
        minMScore.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("A score from 1 to 5.")
                .setMinErrorMessage("A score from 1 to 5.").setMaxErrorMessage("A score from 1 to 5."));
        description.setId(prefix + "-rule");
        description.addClassName("c360-group-rule");
        Div ranges = new Div(
                range("Recency (days)", minRecency, maxRecency),
                range("Frequency (invoices)", minFrequency, maxFrequency),
                range("Monetary (net revenue)", minMonetary, maxMonetary),
                range("M score at least (5 = top 20 %)", minMScore));
        ranges.addClassName("c360-range-fields");
        add(title, preset, segments, ranges, description);
        preset.setValue(initial);
        fill(initial.rule());
    }

    private static IntegerField whole(String name, String placeholder) {
        IntegerField field = new IntegerField();
        field.setMin(0);
        field.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("Enter a whole number.")
                .setMinErrorMessage("Not below 0."));
        unlabelled(field, name, placeholder);
        return field;
    }

    private static NumberField money(String name, String placeholder) {
        NumberField field = new NumberField();
        field.setI18n(new NumberField.NumberFieldI18n()
                .setBadInputErrorMessage("Enter an amount, with a point for decimals."));
        unlabelled(field, name, placeholder);
        return field;
    }

    /** A field inside a labelled row: the row shows the measure, the field says "from" or "to" and has a name. */
    private static void unlabelled(AbstractNumberField<?, ?> field, String name, String placeholder) {
        field.setAriaLabel(name);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        field.addClassName("c360-range-field");
    }

    private static Div range(String label, Component... fields) {
        Span name = new Span(label);
        name.addClassName("c360-range-label");
        Div row = new Div(name);
        row.add(fields);
        row.addClassName("c360-range-row");
        return row;
    }

    private void fill(GroupRule rule) {
        segments.setValue(Set.copyOf(rule.segments()));
        minRecency.setValue(rule.minRecencyDays());
        maxRecency.setValue(rule.maxRecencyDays());
        minFrequency.setValue(rule.minFrequency());
        maxFrequency.setValue(rule.maxFrequency());
        minMonetary.setValue(rule.minMonetary() == null ? null : rule.minMonetary().doubleValue());
        maxMonetary.setValue(rule.maxMonetary() == null ? null : rule.maxMonetary().doubleValue());
        minMScore.setValue(rule.minMScore());
        description.setText(rule.describe());
    }

    /**
     * The rule the fields describe.
     *
     * @throws InvalidSelectionException naming the group and the field when a value is not a number or a range
     *                                   is inverted
     */
    GroupRule rule() {
        try {
            GroupRule rule = new GroupRule(segments.getValue(), number(minRecency, "Recency"),
                    number(maxRecency, "Recency"), number(minFrequency, "Frequency"), number(maxFrequency, "Frequency"),
                    decimal(minMonetary), decimal(maxMonetary), number(minMScore, "M score"));
            description.setText(rule.describe());
            return rule;
        } catch (InvalidSelectionException e) {
            throw new InvalidSelectionException(name + ": " + e.getMessage());
        }
    }

    private static Integer number(IntegerField field, String what) {
        if (field.getValue() == null && field.isInvalid()) {
            throw new InvalidSelectionException(what + ": enter a whole number or leave the field empty.");
        }
        return field.getValue();
    }

    private static BigDecimal decimal(NumberField field) {
        if (field.getValue() == null && field.isInvalid()) {
            throw new InvalidSelectionException("Monetary: enter a number or leave the field empty.");
        }
        return field.getValue() == null ? null
                : BigDecimal.valueOf(field.getValue()).setScale(2, RoundingMode.HALF_EVEN);
    }
}
