package com.consumer360.customsegments.ui;

import com.consumer360.customsegments.Attribute;
import com.consumer360.customsegments.Choices;
import com.consumer360.customsegments.Operator;
import com.consumer360.customsegments.Rule;
import com.consumer360.customsegments.ValueType;
import com.consumer360.ui.DateFields;
import com.consumer360.ui.FieldChecks;
import com.consumer360.ui.Formats;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One criterion of the builder: the attribute, the operators its type allows, and value fields typed by attribute
 * (number fields, date pickers, pickers of the enumerations in the author's scope, a product search). Values leave
 * it as the text the definition's JSON holds; empty fields stay empty so that the validator names them.
 */
final class CriterionRow extends Div {

    private static final int LOOK_BACK_DAYS = 90;

    private final Choices choices;
    private final Function<String, List<String[]>> productSearch;
    private final Runnable changed;
    private final Select<Attribute> attribute = new Select<>();
    private final Select<Operator> operator = new Select<>();
    private final Div valuesBox = new Div();
    private final List<Component> valueFields = new ArrayList<>();
    private final Map<String, String> productNames = new HashMap<>();
    private IntegerField days;
    private String path = "";

    CriterionRow(Choices choices, Function<String, List<String[]>> productSearch, Runnable changed, Runnable remove) {
        this.choices = choices;
        this.productSearch = productSearch;
        this.changed = changed;
        addClassName("c360-criterion");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline");
        attribute.setLabel("Attribute");
        attribute.setItems(Attribute.values());
        attribute.setItemLabelGenerator(a -> a.label() + (unit(a).isEmpty() ? "" : " (" + unit(a) + ")"));
        attribute.setWidth("15em");
        attribute.addClassName("criterion-attribute");
        operator.setLabel("Operator");
        operator.setItemLabelGenerator(o -> o.label(attribute.getValue()));
        operator.setWidth("11em");
        operator.addClassName("criterion-operator");
        valuesBox.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline");
        Button delete = new Button("Remove", e -> remove.run());
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        delete.addClassName("criterion-remove");
        attribute.setManualValidation(true);
        operator.setManualValidation(true);
        add(attribute, operator, valuesBox, delete);
        attribute.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                operators(e.getValue(), null);
                changed.run();
            }
        });
        operator.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                values(attribute.getValue(), e.getValue(), List.of(), null);
                changed.run();
            }
        });
    }

    /** The attribute's unit as the builder shows it: amounts in the portal's currency. */
    static String unit(Attribute a) {
        return switch (a) {
            case MONETARY -> "net revenue, " + Formats.currencySymbol();
            case EXPECTED_CLV, AVERAGE_ORDER_VALUE -> Formats.currencySymbol();
            default -> a.unit();
        };
    }

    /** Shows the criterion. */
    void set(Rule.Criterion c) {
        attribute.setValue(c.attribute());
        operators(c.attribute(), c.operator());
        values(c.attribute(), c.operator(), c.values(), c.days());
    }

    private void operators(Attribute a, Operator keep) {
        List<Operator> allowed = a.operators();
        Operator current = keep != null ? keep : operator.getValue();
        operator.setItems(allowed);
        Operator chosen = allowed.contains(current) ? current : allowed.getFirst();
        operator.setValue(chosen);
        if (keep == null) {
            values(a, chosen, List.of(), null);
        }
    }

    private void values(Attribute a, Operator op, List<String> values, Integer lookBack) {
        valuesBox.removeAll();
        valueFields.clear();
        days = null;
        if (a == null || op == null) {
            return;
        }
        ValueType type = a.type();
        boolean many = op.arity() < 0;
        if (many) {
            MultiSelectComboBox<String> pick = new MultiSelectComboBox<>("Values");
            pick.setWidth("22em");
            if (type == ValueType.PRODUCTS) {
                pick.setLabel("Products (code or description)");
                values.forEach(v -> productNames.putIfAbsent(v, v));
                pick.setItems(query -> {
                    String filter = query.getFilter().orElse("");
                    List<String> codes = new ArrayList<>();
                    for (String[] p : productSearch.apply(filter)) {
                        productNames.put(p[0], p[1] == null ? p[0] : p[1]);
                        codes.add(p[0]);
                    }
                    return codes.stream().skip(query.getOffset()).limit(query.getLimit());
                });
                pick.setItemLabelGenerator(code -> code + " · " + productNames.getOrDefault(code, ""));
            } else {
                List<String> items = items(a);
                pick.setItems(items);
                pick.setItemLabelGenerator(v -> label(a, v));
            }
            pick.setValue(new LinkedHashSet<>(values));
            pick.addValueChangeListener(e -> changed.run());
            field(pick);
            if (type == ValueType.PRODUCTS) {
                days = new IntegerField("In the last (days)");
                days.setMin(1);
                days.setMax(3650);
                days.setStepButtonsVisible(true);
                days.setWidth("9em");
                days.setValue(lookBack == null ? LOOK_BACK_DAYS : lookBack);
                days.setValueChangeMode(ValueChangeMode.LAZY);
                days.addValueChangeListener(e -> changed.run());
                days.addValidationStatusChangeListener(e -> changed.run());
                days.addClassName("criterion-days");
                days.setManualValidation(true);
                valuesBox.add(days);
            }
            return;
        }
        int n = op.arity();
        for (int i = 0; i < n; i++) {
            String label = n == 2 ? (i == 0 ? "From" : "To") : "Value";
            String value = i < values.size() ? values.get(i) : null;
            field(single(a, label, value));
        }
    }

    private Component single(Attribute a, String label, String value) {
        return switch (a.type()) {
            case INTEGER, DECIMAL -> {
                NumberField number = new NumberField(label + (unit(a).isEmpty() ? "" : " (" + unit(a) + ")"));
                number.setWidth("10em");
                if (a.type() == ValueType.INTEGER) {
                    number.setStep(1);
                }
                number.setValueChangeMode(ValueChangeMode.LAZY);
                number.setValueChangeTimeout(300);
                number.setValue(parse(value));
                number.addValueChangeListener(e -> changed.run());
                // Typing text that is not a number changes no value: check again when the field notices it.
                number.addValidationStatusChangeListener(e -> changed.run());
                yield number;
            }
            case SCORE -> {
                IntegerField score = new IntegerField(label + " (1-5)");
                score.setMin(1);
                score.setMax(5);
                score.setStepButtonsVisible(true);
                score.setWidth("8em");
                score.setValueChangeMode(ValueChangeMode.LAZY);
                score.setValueChangeTimeout(300);
                Double parsed = parse(value);
                score.setValue(parsed == null ? null : parsed.intValue());
                score.addValueChangeListener(e -> changed.run());
                score.addValidationStatusChangeListener(e -> changed.run());
                yield score;
            }
            case DATE -> {
                DatePicker date = DateFields.iso(label);
                date.setWidth("10em");
                date.setMin(LocalDate.of(1900, 1, 1));
                date.setMax(LocalDate.of(2200, 12, 31));
                try {
                    date.setValue(value == null ? null : LocalDate.parse(value));
                } catch (RuntimeException e) {
                    date.setValue(null);
                }
                date.addValueChangeListener(e -> changed.run());
                date.addValidationStatusChangeListener(e -> changed.run());
                yield date;
            }
            case CHOICE, PRODUCTS -> {
                ComboBox<String> pick = new ComboBox<>(label);
                pick.setWidth("16em");
                pick.setItems(items(a));
                pick.setItemLabelGenerator(v -> label(a, v));
                pick.setValue(value != null && items(a).contains(value) ? value : null);
                pick.addValueChangeListener(e -> changed.run());
                yield pick;
            }
        };
    }

    private List<String> items(Attribute a) {
        return switch (a) {
            case RFM_SEGMENT -> choices.segments();
            case COUNTRY -> choices.countries();
            case REGION -> List.copyOf(choices.regions().keySet());
            case R_SCORE, F_SCORE, M_SCORE -> List.of("1", "2", "3", "4", "5");
            default -> List.of();
        };
    }

    private String label(Attribute a, String value) {
        return a == Attribute.REGION ? choices.regions().getOrDefault(value, value) : value;
    }

    private void field(Component field) {
        field.addClassName("criterion-value");
        ((HasValidation) field).setManualValidation(true);
        valueFields.add(field);
        valuesBox.add(field);
    }

    private static Double parse(String value) {
        try {
            return value == null ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The criterion as the builder holds it, empty values included (the validator names them). */
    Rule.Criterion criterion() {
        List<String> values = new ArrayList<>();
        for (Component field : valueFields) {
            Object v = ((AbstractField<?, ?>) field).getValue();
            switch (v) {
                case null -> values.add("");
                case Set<?> set -> set.forEach(item -> values.add(String.valueOf(item)));
                case Double d -> values.add(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
                default -> values.add(String.valueOf(v));
            }
        }
        Attribute a = attribute.getValue();
        return new Rule.Criterion(a, operator.getValue(), values,
                a == Attribute.BOUGHT_PRODUCT ? (days == null || days.getValue() == null ? null : days.getValue())
                        : null);
    }

    void path(String path) {
        this.path = path;
        getElement().setAttribute("data-path", path);
    }

    String path() {
        return path;
    }

    void clearErrors() {
        for (Component c : all()) {
            if (c instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        }
    }

    private List<Component> all() {
        List<Component> all = new ArrayList<>(List.of(attribute, operator));
        all.addAll(valueFields);
        if (days != null) {
            all.add(days);
        }
        return all;
    }

    /** Shows a problem whose field lies in this criterion ({@code rest} is the part after the criterion's path). */
    void error(String rest, String message) {
        HasValidation target = target(rest);
        if (unparsable(target)) {
            // The browser keeps text that is not a number in the field and sends no value: the validator sees an
            // empty value, the user sees what they typed.
            message = NOT_A_NUMBER;
        } else if (target instanceof DatePicker date && date.isEmpty() && FieldChecks.refused(date)) {
            message = DateFields.BAD_INPUT;
        }
        String before = target.getErrorMessage();
        target.setErrorMessage(before == null || before.isEmpty() || !target.isInvalid() ? message
                : before.equals(message) ? before : before + " " + message);
        target.setInvalid(true);
    }

    /** Whether the problem's field is a value (or days) field left empty, with no unreadable text in it. */
    boolean unfilled(String rest) {
        HasValidation target = target(rest);
        return (valueFields.contains(target) || target == days) && target instanceof com.vaadin.flow.component.HasValue<?, ?> value
                && value.isEmpty() && !unparsable(target)
                && !(target instanceof DatePicker date && FieldChecks.refused(date));
    }

    /** The field a problem of this criterion is shown at. */
    private HasValidation target(String rest) {
        HasValidation target;
        if (rest.startsWith(".attribute")) {
            target = attribute;
        } else if (rest.startsWith(".operator")) {
            target = operator;
        } else if (rest.startsWith(".days") && days != null) {
            target = days;
        } else if (rest.startsWith(".values[") && !valueFields.isEmpty()) {
            int index = Integer.parseInt(rest.substring(8, rest.indexOf(']')));
            target = (HasValidation) valueFields.get(Math.min(index, valueFields.size() - 1));
        } else if (!valueFields.isEmpty()) {
            target = (HasValidation) valueFields.getFirst();
        } else {
            target = operator;
        }
        return target;
    }

    static final String NOT_A_NUMBER = "Not a number: type digits, with a point for decimals (for example 250.50).";

    /** Whether a number field holds text that is not a number (its value is then empty). */
    private static boolean unparsable(Object field) {
        return field instanceof AbstractNumberField<?, ?> number && number.isEmpty()
                && number.getDefaultValidator().apply(null, new ValueContext(number)).isError();
    }
}
